package org.quorumlab.engine.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Fixed-bucket latency histogram, lock-free to record from any thread. Bucket {@code i} counts
 * samples at most {@link #BOUNDS_MICROS}{@code [i]}; the last bucket is +Inf. Cumulative counts
 * (as Prometheus wants them) are computed when read.
 */
public final class LatencyHistogram {

    /** Upper bounds of the finite buckets, in microseconds. */
    public static final long[] BOUNDS_MICROS = {100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
            100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000};

    private final LongAdder[] buckets = new LongAdder[BOUNDS_MICROS.length + 1];
    private final LongAdder sumNanos = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void record(long nanos) {
        long micros = nanos / 1_000;
        int i = 0;
        while (i < BOUNDS_MICROS.length && micros > BOUNDS_MICROS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(nanos);
    }

    /** Per-bucket (not cumulative) counts; the last element is the +Inf bucket. */
    public long[] counts() {
        long[] out = new long[buckets.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = buckets[i].sum();
        }
        return out;
    }

    public long sumNanos() {
        return sumNanos.sum();
    }

    public void reset() {
        for (LongAdder b : buckets) {
            b.reset();
        }
        sumNanos.reset();
    }
}
