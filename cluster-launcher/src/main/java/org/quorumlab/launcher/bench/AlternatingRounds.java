package org.quorumlab.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.quorumlab.launcher.Engine;

/**
 * The order of a throughput comparison: {@code rounds} rounds, and in every round each engine in
 * turn (QuorumLab, then ZooKeeper), each on a fresh ensemble that runs all workloads. So for every
 * workload the runs alternate A B A B A B, and a slow minute on a shared machine hits one round's
 * pair of runs rather than all of one engine's runs.
 *
 * <p>The unit is one engine for one round, not one workload: the ensemble is started, primed once,
 * given every workload and stopped, as a single run used to be, so each engine's JVMs are equally
 * fresh (and equally warm) at each workload. The order inside a round stays A then B in every round
 * (not swapped in even rounds): what a later workload inherits from an earlier one on the same
 * ensemble is then the same in every round.
 */
public final class AlternatingRounds {

    /** Fewer rounds give no median worth quoting: two rounds cannot outvote one noisy run. */
    public static final int MIN_ROUNDS = 3;

    /** Runs one engine for one round: a fresh ensemble, every workload in order, read-back, stop. */
    @FunctionalInterface
    public interface EngineRound {
        ThroughputBenchmark.Result run(int round, Engine engine, List<Workload> workloads) throws Exception;
    }

    private final int rounds;
    private final List<Engine> engines;
    private final List<Workload> workloads;

    public AlternatingRounds(int rounds, List<Engine> engines, List<Workload> workloads) {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        if (engines.isEmpty() || workloads.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: no engine or no workload");
        }
        this.rounds = rounds;
        this.engines = List.copyOf(engines);
        this.workloads = List.copyOf(workloads);
    }

    /**
     * Refuses fewer than {@link #MIN_ROUNDS} rounds except for a smoke run, whose report says it is
     * no valid comparison.
     */
    public static void requireEnoughRounds(int rounds, boolean smokeRun) {
        if (rounds < 1 || (!smokeRun && rounds < MIN_ROUNDS)) {
            throw new IllegalArgumentException("--rounds must be at least " + (smokeRun ? 1 : MIN_ROUNDS) + ", got "
                    + rounds + (smokeRun ? "" : " (a comparison needs " + MIN_ROUNDS
                            + " alternating rounds; --quick allows fewer for a smoke run)"));
        }
    }

    public int rounds() {
        return rounds;
    }

    /**
     * Runs every round; {@code afterEach} sees each engine-round's result as soon as it exists, so a
     * long run can save what it has before a later round fails.
     */
    public List<ThroughputBenchmark.Result> run(EngineRound runner, Consumer<ThroughputBenchmark.Result> afterEach)
            throws Exception {
        List<ThroughputBenchmark.Result> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Engine engine : engines) {
                ThroughputBenchmark.Result r = runner.run(round, engine, workloads);
                results.add(r);
                afterEach.accept(r);
            }
        }
        return results;
    }
}
