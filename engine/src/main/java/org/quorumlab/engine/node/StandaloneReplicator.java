package org.quorumlab.engine.node;

import org.quorumlab.engine.server.TxnReplicator;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;

/** Single-server "replication": a txn is committed once the group-commit log made it durable. */
final class StandaloneReplicator implements TxnReplicator {

    private final GroupCommitLog log;
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
        log.appendAsync(new LogEntry(record.zxid(), TxnCodec.encode(record))).whenComplete((zxid, error) -> {
            if (error != null) {
                listener.fatal(error);
            } else {
                listener.committed(record);
            }
        });
    }

    @Override
    public void close() {
        log.flushAndClose();
    }
}
