package org.quorumlab.launcher.chaos;

import java.util.ArrayList;
import java.util.List;

/** The operations every client recorded in one run, on one clock (nanoseconds since {@link #start}). */
final class History {

    private final long startNanos = System.nanoTime();
    private final List<ChaosOp> ops = new ArrayList<>();

    /** Nanoseconds since the run started. */
    long now() {
        return System.nanoTime() - startNanos;
    }

    long startNanos() {
        return startNanos;
    }

    synchronized void add(ChaosOp op) {
        ops.add(op);
    }

    synchronized List<ChaosOp> ops() {
        return List.copyOf(ops);
    }

    synchronized int size() {
        return ops.size();
    }

    synchronized long count(ChaosOp.OpType type, ChaosOp.Outcome outcome) {
        return ops.stream().filter(o -> o.type() == type && o.outcome() == outcome).count();
    }

    /** Ops in a list that starts empty, for tests that build histories by hand. */
    static List<ChaosOp> of(ChaosOp... ops) {
        return new ArrayList<>(List.of(ops));
    }
}
