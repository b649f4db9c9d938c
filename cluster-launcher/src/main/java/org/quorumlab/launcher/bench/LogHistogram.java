package org.quorumlab.launcher.bench;

/**
 * A log-bucket latency histogram of microsecond values: below 32 one bucket per value, above that
 * every power of two split into 32 linear sub-buckets, so a reported percentile is at most ~3% above
 * the recorded value. Not thread-safe: each recording thread owns one, and {@link #add} merges them
 * after the writers have stopped.
 */
final class LogHistogram {

    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS + 1) * SUB_BUCKETS;

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

    static int indexOf(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (exp - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    static long highestEquivalent(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exp = index / SUB_BUCKETS + SUB_BITS - 1;
        long sub = index % SUB_BUCKETS;
        long lower = (SUB_BUCKETS + sub) << (exp - SUB_BITS);
        return lower + (1L << (exp - SUB_BITS)) - 1;
    }
}
