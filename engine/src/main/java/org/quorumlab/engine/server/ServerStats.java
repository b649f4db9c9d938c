package org.quorumlab.engine.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters shown by srvr/stat/mntr; updated lock-free from any thread. */
public final class ServerStats {

    public final LongAdder packetsReceived = new LongAdder();
    public final LongAdder packetsSent = new LongAdder();
    public final LongAdder requests = new LongAdder();
    public final LongAdder totalLatencyNanos = new LongAdder();
    public final AtomicLong maxLatencyNanos = new AtomicLong();
    public final AtomicLong minLatencyNanos = new AtomicLong(Long.MAX_VALUE);
    public final AtomicLong outstanding = new AtomicLong();

    public void recordLatency(long nanos) {
        requests.increment();
        totalLatencyNanos.add(nanos);
        maxLatencyNanos.accumulateAndGet(nanos, Math::max);
        minLatencyNanos.accumulateAndGet(nanos, Math::min);
    }

    public void reset() {
        packetsReceived.reset();
        packetsSent.reset();
        requests.reset();
        totalLatencyNanos.reset();
        maxLatencyNanos.set(0);
        minLatencyNanos.set(Long.MAX_VALUE);
    }
}
