package org.quorumlab.engine.node;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.server.TxnReplicator;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;

/** Single-server "replication": a txn is committed once the group-commit log made it durable. */
final class StandaloneReplicator implements TxnReplicator {

    private final GroupCommitLog log;
    /**
     * Delivers commits in log order, never on the proposing (pipeline) thread: a future that is already durable
     * when the callback is attached would otherwise run it inline there and apply it ahead of earlier commits the
     * log writer has queued to the pipeline. One thread at most, gone when idle.
     */
    private final Executor delivery = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "standalone-commit");
                t.setDaemon(true);
                return t;
            });
    private Listener listener;
    private long lastZxid;

    StandaloneReplicator(GroupCommitLog log, long lastZxid) {
        this.log = log;
        this.lastZxid = lastZxid;
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    @Override
    public boolean prepareLocally() {
        return true;
    }

    @Override
    public long nextZxid() {
        return ++lastZxid;
    }

    @Override
    public void propose(TxnRecord record) {
        log.appendAsync(new LogEntry(record.zxid(), TxnCodec.encode(record))).whenCompleteAsync((zxid, error) -> {
            if (error != null) {
                listener.fatal(error);
            } else {
                listener.committed(record);
            }
        }, delivery);
    }

    @Override
    public void close() {
        log.flushAndClose();
    }
}
