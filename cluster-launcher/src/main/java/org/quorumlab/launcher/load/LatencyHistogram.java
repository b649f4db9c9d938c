package org.quorumlab.launcher.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-bucket latency histogram in the spirit of HdrHistogram: values (microseconds)
 * below 32 have a bucket each; above, every power of two is split into 32 linear sub-buckets, so a
 * reported value is at most ~3% above the recorded one. Any thread may {@link #record}; a
 * {@link #snapshot()} is a consistent-enough copy for percentiles, and the difference of two
 * snapshots gives the percentiles of an interval.
 */
public final class LatencyHistogram {

    static final int SUB_BITS = 5;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Number of buckets; bucket indexes are 0..BUCKETS-1. */
    public static final int BUCKETS = (64 - SUB_BITS + 1) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one latency in microseconds (negative values count as 0). */
    public void recordMicros(long micros) {
        counts.incrementAndGet(indexOf(Math.max(0, micros)));
    }

    public Snapshot snapshot() {
        long[] c = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts.get(i);
        }
        return new Snapshot(c);
    }

    /** Bucket of a non-negative value. */
    public static int indexOf(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (exp - SUB_BITS)) & (SUB_BUCKETS - 1));
        return (exp - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    /** Largest value that falls into bucket {@code index}. */
    public static long highestEquivalent(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exp = index / SUB_BUCKETS + SUB_BITS - 1;
        long sub = index % SUB_BUCKETS;
        long lower = (SUB_BUCKETS + sub) << (exp - SUB_BITS);
        return lower + (1L << (exp - SUB_BITS)) - 1;
    }

    /** An immutable copy of the bucket counts. */
    public static final class Snapshot {
        private final long[] counts;
        private final long total;

        Snapshot(long[] counts) {
            this.counts = counts;
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            this.total = t;
        }

        public static Snapshot empty() {
            return new Snapshot(new long[BUCKETS]);
        }

        public long count() {
            return total;
        }

        /** Counts recorded since {@code earlier} (a snapshot of the same histogram). */
        public Snapshot minus(Snapshot earlier) {
            long[] d = new long[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                d[i] = Math.max(0, counts[i] - earlier.counts[i]);
            }
            return new Snapshot(d);
        }

        /**
         * The value at quantile {@code q} (0..1] in microseconds, as the highest value equivalent to
         * its bucket; 0 when empty.
         */
        public long valueAtQuantile(double q) {
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(Math.min(1.0, Math.max(0.0, q)) * total));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return highestEquivalent(i);
                }
            }
            return highestEquivalent(BUCKETS - 1);
        }

        public Percentiles percentiles() {
            return new Percentiles(total, valueAtQuantile(0.50) / 1000.0, valueAtQuantile(0.99) / 1000.0,
                    valueAtQuantile(0.999) / 1000.0, valueAtQuantile(1.0) / 1000.0);
        }
    }
}
