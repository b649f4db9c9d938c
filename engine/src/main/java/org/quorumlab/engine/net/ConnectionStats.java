package org.quorumlab.engine.net;

import java.util.concurrent.atomic.AtomicLong;
import org.quorumlab.engine.proto.OpCode;

/** Per-connection reply counters for cons/stat; written by the pipeline thread, read by anyone. */
final class ConnectionStats {

    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong maxNanos = new AtomicLong();
    private volatile long lastNanos;
    private volatile int lastOp = Integer.MIN_VALUE;
    private volatile long lastResponseMs;

    void record(int opCode, long nanos) {
        replies.incrementAndGet();
        totalNanos.addAndGet(nanos);
        minNanos.accumulateAndGet(nanos, Math::min);
        maxNanos.accumulateAndGet(nanos, Math::max);
        lastNanos = nanos;
        lastOp = opCode;
        lastResponseMs = System.currentTimeMillis();
    }

    void reset() {
        replies.set(0);
        totalNanos.set(0);
        minNanos.set(Long.MAX_VALUE);
        maxNanos.set(0);
        lastNanos = 0;
        lastOp = Integer.MIN_VALUE;
        lastResponseMs = 0;
    }

    /** ZooKeeper's four-letter abbreviation style is not used; we print the opcode name or NA. */
    String lastOp() {
        int op = lastOp;
        return op == Integer.MIN_VALUE ? "NA" : OpCode.name(op);
    }

    long lastLatencyMs() {
        return lastNanos / 1_000_000;
    }

    long minLatencyMs() {
        long n = minNanos.get();
        return n == Long.MAX_VALUE ? 0 : n / 1_000_000;
    }

    double avgLatencyMs() {
        long n = replies.get();
        return n == 0 ? 0 : totalNanos.get() / 1e6 / n;
    }

    long maxLatencyMs() {
        return maxNanos.get() / 1_000_000;
    }

    long lastResponseMs() {
        return lastResponseMs;
    }
}
