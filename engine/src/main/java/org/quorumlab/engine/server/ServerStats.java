package org.quorumlab.engine.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.quorumlab.engine.proto.OpCode;

/** Counters shown by srvr/stat/mntr; updated lock-free from any thread. */
public final class ServerStats {

    public final LongAdder packetsReceived = new LongAdder();
    public final LongAdder packetsSent = new LongAdder();
    public final LongAdder requests = new LongAdder();
    public final LongAdder totalLatencyNanos = new LongAdder();
    public final AtomicLong maxLatencyNanos = new AtomicLong();
    public final AtomicLong minLatencyNanos = new AtomicLong(Long.MAX_VALUE);
    public final AtomicLong outstanding = new AtomicLong();
    /** Client requests admitted into the pipeline and not yet answered (bounded by globalOutstandingLimit). */
    public final java.util.concurrent.atomic.AtomicInteger requestsInFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** The most client requests ever admitted at once (never above globalOutstandingLimit). */
    public final java.util.concurrent.atomic.AtomicInteger requestsInFlightPeak = new java.util.concurrent.atomic.AtomicInteger();
    /** Times a client connection stopped being read because an outstanding-request bound was reached. */
    public final LongAdder admissionThrottles = new LongAdder();
    /** Watch notifications delivered to clients. */
    public final LongAdder watchEventsSent = new LongAdder();
    /** Latency of client reads, writes (quorum ops) and everything else (ping, auth, ...). */
    public final LatencyHistogram readLatency = new LatencyHistogram();
    public final LatencyHistogram writeLatency = new LatencyHistogram();
    public final LatencyHistogram otherLatency = new LatencyHistogram();
    /**
     * How long received quorum messages waited for the owner thread (their priority lane), and the
     * longest such wait.
     */
    public final LatencyHistogram quorumQueueDelay = new LatencyHistogram();
    public final AtomicLong quorumQueueDelayMaxNanos = new AtomicLong();
    /** Requests answered and their summed latency, indexed by {@link #opIndex(int)}. */
    private final LongAdder[] opCount = new LongAdder[OP_SLOTS];
    private final LongAdder[] opLatencyNanos = new LongAdder[OP_SLOTS];

    private static final int OP_SLOTS = 128;

    public ServerStats() {
        for (int i = 0; i < OP_SLOTS; i++) {
            opCount[i] = new LongAdder();
            opLatencyNanos[i] = new LongAdder();
        }
    }

    /** Records one answered client request of type {@code opCode}. */
    public void recordLatency(int opCode, long nanos) {
        recordLatency(nanos);
        int i = opIndex(opCode);
        opCount[i].increment();
        opLatencyNanos[i].add(nanos);
        if (opCode == OpCode.ping || opCode == OpCode.auth || opCode == OpCode.setWatches
                || opCode == OpCode.setWatches2 || opCode == OpCode.createSession) {
            otherLatency.record(nanos);
        } else if (OpCode.isWrite(opCode)) {
            writeLatency.record(nanos);
        } else {
            readLatency.record(nanos);
        }
    }

    /** Slot of an opcode in the per-opcode counters (opcodes span -11..107). */
    public static int opIndex(int opCode) {
        return Math.floorMod(opCode, OP_SLOTS);
    }

    /** Requests answered per opcode, for opcodes seen at least once. */
    public java.util.Map<Integer, long[]> perOpcode() {
        java.util.Map<Integer, long[]> out = new java.util.TreeMap<>();
        for (int op = -11; op < OP_SLOTS - 11; op++) {
            int i = opIndex(op);
            long n = opCount[i].sum();
            if (n > 0) {
                out.put(op, new long[] {n, opLatencyNanos[i].sum()});
            }
        }
        return out;
    }

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
