package org.quorumlab.launcher.bench;

import org.quorumlab.launcher.load.LatencyHistogram;

/**
 * A single-owner, mergeable latency histogram of microsecond values with the buckets of
 * {@link LatencyHistogram} (the load generator's lock-free one): each recording thread owns one,
 * and {@link #add} merges them after the writers have stopped.
 */
final class LogHistogram {

    private static final int BUCKETS = LatencyHistogram.BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;

    void record(long micros) {
        counts[indexOf(Math.max(0, micros))]++;
        total++;
    }

    void add(LogHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** Value at quantile {@code q} in (0, 1], in milliseconds; 0 when empty. */
    double quantileMillis(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return highestEquivalent(i) / 1000.0;
            }
        }
        return highestEquivalent(BUCKETS - 1) / 1000.0;
    }

    private static int indexOf(long v) {
        return LatencyHistogram.indexOf(v);
    }

    private static long highestEquivalent(int index) {
        return LatencyHistogram.highestEquivalent(index);
    }
}
