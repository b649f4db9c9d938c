package org.quorumlab.engine.node;

import java.util.function.Consumer;
import org.quorumlab.engine.server.TxnReplicator;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;

/** Single-server "replication": a txn is committed once the group-commit log made it durable. */
final class StandaloneReplicator implements TxnReplicator {

    private final GroupCommitLog log;
    private Consumer<TxnRecord> onCommitted;
    private Consumer<Throwable> onFatal;

    StandaloneReplicator(GroupCommitLog log) {
        this.log = log;
    }

    @Override
    public void start(Consumer<TxnRecord> onCommitted, Consumer<Throwable> onFatal) {
        this.onCommitted = onCommitted;
        this.onFatal = onFatal;
    }

    @Override
    public void propose(TxnRecord record) {
        log.appendAsync(new LogEntry(record.zxid(), TxnCodec.encode(record))).whenComplete((zxid, error) -> {
            if (error != null) {
                onFatal.accept(error);
            } else {
                onCommitted.accept(record);
            }
        });
    }

    @Override
    public void close() {
        log.flushAndClose();
    }
}
