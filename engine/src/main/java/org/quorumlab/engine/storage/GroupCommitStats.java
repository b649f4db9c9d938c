package org.quorumlab.engine.storage;

import java.util.List;

/**
 * Counters of a {@link GroupCommitLog}, copied at one instant for metrics. A "commit" is one
 * {@link TxnLog#append} of a whole batch, including its fsync.
 *
 * @param batches           batches made durable so far
 * @param entries           entries made durable so far
 * @param largestBatch      entries in the largest batch so far
 * @param lastCommitNanos   duration of the last commit, 0 before the first
 * @param maxCommitNanos    duration of the slowest commit so far
 * @param totalCommitNanos  sum of all commit durations
 * @param recentCommitNanos durations of up to the last {@value GroupCommitLog#RECENT_COMMITS_KEPT} commits,
 *                          oldest first, ready to feed a latency histogram
 * @param queuedEntries     entries waiting for the next batch when the copy was taken
 */
public record GroupCommitStats(long batches, long entries, long largestBatch, long lastCommitNanos,
                               long maxCommitNanos, long totalCommitNanos, List<Long> recentCommitNanos,
                               int queuedEntries) {

    public GroupCommitStats {
        recentCommitNanos = List.copyOf(recentCommitNanos);
    }

    /** Mean entries per batch, 0 before the first batch. */
    public double meanBatchSize() {
        return batches == 0 ? 0 : (double) entries / batches;
    }

    /** Mean commit duration in nanoseconds, 0 before the first batch. */
    public double meanCommitNanos() {
        return batches == 0 ? 0 : (double) totalCommitNanos / batches;
    }
}
