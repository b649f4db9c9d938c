package org.quorumlab.engine.server;

import java.util.function.Consumer;
import org.quorumlab.engine.txn.TxnRecord;

/**
 * Where prepared transactions go to become durable (and, in an ensemble, agreed). Standalone: the
 * local log with group commit. Replicated: ZAB. Contract: {@link #propose} never blocks; every
 * proposed record is eventually passed to the commit callback exactly once, in zxid order, or the
 * replicator reports a fatal failure; nothing is reported committed before it is durable.
 */
public interface TxnReplicator extends AutoCloseable {

    /** Registers where committed records go, and from which zxid new ones continue. */
    void start(Consumer<TxnRecord> onCommitted, Consumer<Throwable> onFatal);

    void propose(TxnRecord record);

    @Override
    void close();
}
