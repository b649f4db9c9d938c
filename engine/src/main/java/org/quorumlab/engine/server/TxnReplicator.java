package org.quorumlab.engine.server;

import org.quorumlab.engine.txn.TxnRecord;

/**
 * Where prepared transactions go to become durable and, in an ensemble, agreed. Standalone: the
 * local log with group commit. Replicated: ZAB. Contract: no method blocks; every proposed record
 * is eventually passed to {@link Listener#committed} exactly once, in zxid order, unless the
 * replicator reports a failure or this server stops leading; nothing is reported committed before
 * it is durable. All methods are called on the pipeline thread.
 */
public interface TxnReplicator extends AutoCloseable {

    /** Callbacks from the replicator; may arrive on any thread. */
    interface Listener {
        void committed(TxnRecord record);

        void fatal(Throwable error);

        /** A {@link #sync} issued by this server completed. */
        default void syncCompleted(long token) {
        }
    }

    void start(Listener listener);

    /** True when this server prepares writes itself: standalone, or the established leader. */
    boolean prepareLocally();

    /** The zxid the next {@link #propose} must carry; only meaningful when {@link #prepareLocally()}. */
    long nextZxid();

    void propose(TxnRecord record);

    /** Learner only: sends an encoded client write to the leader, which prepares and proposes it. */
    default boolean forward(byte[] encodedRequest) {
        return false;
    }

    /**
     * Learner only: asks the leader for a sync point.
     *
     * @return true if {@link Listener#syncCompleted} will follow; false if this server is already in sync
     */
    default boolean sync(long token) {
        return false;
    }

    /**
     * True while wall-clock session expiry must wait (teaching mode slows or pauses replication, so
     * timeouts would kill sessions the audience is watching). Sessions are renewed once it ends.
     */
    default boolean sessionExpirySuspended() {
        return false;
    }

    @Override
    void close();
}
