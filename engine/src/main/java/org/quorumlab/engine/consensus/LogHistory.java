package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * The host's durable log, read back by a leader that syncs a learner by DIFF from further back than
 * the entries the node keeps in memory. Like ZooKeeper's leader, which keeps only its last
 * {@code commitLogCount} (500) committed proposals in memory and reads older ones from its
 * transaction log: a node that kept everything since its last snapshot promoted every entry into
 * the old generation, which then filled to full collections under sustained writes.
 *
 * <p>Read synchronously by the node's owner thread, and only while planning a learner's sync, so it
 * may wait for the log's own thread; it must return exactly the durable entries, which every applied
 * entry is.
 */
public interface LogHistory {

    /** Keeps every entry since the last compaction in memory, so nothing is ever read back. */
    LogHistory IN_MEMORY = new LogHistory() {
        @Override
        public int appliedEntriesKept() {
            return Integer.MAX_VALUE;
        }

        @Override
        public List<LogEntry> read(long after, long upTo) {
            throw new IllegalStateException("an in-memory history never reads back");
        }
    };

    /** How many applied entries the node keeps in memory; older ones are read back with {@link #read}. */
    int appliedEntriesKept();

    /**
     * The durable entries with a zxid in ({@code after}, {@code upTo}], ascending; null when the log
     * no longer holds all of them (purged after a snapshot), in which case the leader sends a SNAP.
     */
    List<LogEntry> read(long after, long upTo);
}
