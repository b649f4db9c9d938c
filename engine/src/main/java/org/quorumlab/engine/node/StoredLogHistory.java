package org.quorumlab.engine.node;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.LogHistory;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.TxnLog;

/**
 * The consensus core's older history, read back from the server's transaction log on the log's own
 * writer thread (between two group commits), so the log keeps a single owner. The core keeps the
 * last {@value #APPLIED_ENTRIES_KEPT} applied entries in memory, as ZooKeeper's {@code commitLogCount}.
 */
final class StoredLogHistory implements LogHistory {

    /** Applied entries the core keeps in memory (ZooKeeper's default {@code commitLogCount}). */
    static final int APPLIED_ENTRIES_KEPT = 500;
    private static final int READ_CHUNK = 1000;

    private final GroupCommitLog log;

    StoredLogHistory(GroupCommitLog log) {
        this.log = log;
    }

    @Override
    public int appliedEntriesKept() {
        return APPLIED_ENTRIES_KEPT;
    }

    @Override
    public List<LogEntry> read(long after, long upTo) {
        List<List<LogEntry>> result = new ArrayList<>(1);
        log.runExclusive(txnLog -> result.add(readOn(txnLog, after, upTo)));
        return result.get(0);
    }

    /** Null when the log was purged past {@code after}: it no longer holds every entry above it. */
    static List<LogEntry> readOn(TxnLog txnLog, long after, long upTo) {
        if (after < txnLog.purgedThrough()) {
            return null;
        }
        List<org.quorumlab.engine.storage.LogEntry> stored = new ArrayList<>();
        long from = after;
        while (from < upTo) {
            List<org.quorumlab.engine.storage.LogEntry> chunk = txnLog.readAfter(from, READ_CHUNK);
            for (org.quorumlab.engine.storage.LogEntry e : chunk) {
                if (e.zxid() > upTo) {
                    return ZabHostLog.toConsensusLog(stored);
                }
                stored.add(e);
            }
            if (chunk.size() < READ_CHUNK) {
                break;
            }
            from = chunk.get(chunk.size() - 1).zxid();
        }
        return ZabHostLog.toConsensusLog(stored);
    }
}
