package org.quorumlab.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/**
 * Leadership under load, on real processes: cycles of a write burst then a read burst (each
 * {@code clients} sessions × {@code outstanding} asynchronous requests, 1 KiB values), then a mixed
 * overload with more sessions, optionally while {@link CpuHog} threads keep the machine busy. An
 * external {@link LeaderWatch} counts leader changes and servers seen not serving; the load counts
 * every failed request. A stable ensemble shows 0 of each: nothing failed, so nothing should change.
 */
public final class StabilityBenchmark {

    /**
     * @param cycles         write-then-read cycles
     * @param phase          length of each write and each read burst
     * @param mixed          length of the mixed overload after the cycles (zero: none)
     * @param clients        sessions of the bursts
     * @param outstanding    async requests each session keeps in flight
     * @param overloadClients sessions of the mixed overload (each with {@code outstanding} in flight)
     * @param hogThreads     CPU-burning threads in this JVM while the load runs
     * @param tickTime       tickTime of the ensemble (ms)
     */
    public record Spec(int cycles, Duration phase, Duration mixed, int clients, int outstanding, int overloadClients,
            int hogThreads, int tickTime) {
        public Spec {
            if (cycles < 0 || clients < 1 || outstanding < 1 || overloadClients < 1 || hogThreads < 0 || tickTime < 1) {
                throw new IllegalArgumentException("cycles and hog threads must be >= 0; clients, outstanding and "
                        + "tickTime > 0");
            }
        }

        /** The sequence: 20 cycles of 10 s writes + 10 s reads (8 × 32), then 5 minutes of mixed overload. */
        public static Spec full() {
            return new Spec(20, Duration.ofSeconds(10), Duration.ofMinutes(5), 8, 32, 32, 1, 200);
        }

        ThroughputSpec load(int sessions, Duration duration) {
            return new ThroughputSpec(sessions, outstanding, 1024, 8, Duration.ZERO, Duration.ZERO, duration, 1, 1,
                    List.of(Workload.WRITE, Workload.READ, Workload.MIXED));
        }
    }

    /**
     * One measured burst; {@code expiredSessions} counts its driver's sessions expired so far (an
     * expired client stops issuing requests).
     */
    public record Phase(String name, boolean overload, long ok, long failed, int expiredSessions, double p99Millis,
            int leaderChangesSoFar) {
    }

    /** Everything one engine did. */
    public record Result(Engine engine, Spec spec, List<Phase> phases, int leaderChanges, int notServingSightings,
            int unansweredPolls, List<LeaderWatch.Transition> transitions, List<String> quorumDelays,
            java.util.Map<Long, Long> longestStallMillis, int connectionsClosedWithoutLeader) {
        public long failed() {
            return phases.stream().mapToLong(Phase::failed).sum();
        }

        public long ok() {
            return phases.stream().mapToLong(Phase::ok).sum();
        }

        /** Sessions lost for good (each phase reports its driver's expired sessions so far). */
        public int expiredSessions() {
            int bursts = phases.stream().filter(p -> !p.overload()).mapToInt(Phase::expiredSessions).max().orElse(0);
            int overload = phases.stream().filter(Phase::overload).mapToInt(Phase::expiredSessions).max().orElse(0);
            return bursts + overload;
        }

        /**
         * The targets: no leader change, no failed request, no expired session. A follower seen not
         * serving for a moment (it gave up on a stalled leader and rejoined it, its clients held) is
         * reported beside them but is not a failure a client saw.
         */
        public boolean stable() {
            return leaderChanges == 0 && failed() == 0 && expiredSessions() == 0;
        }

        /** The longest any server's process did not run (ms), or -1 when the engine does not report it. */
        public long longestStall() {
            return longestStallMillis.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private final Consumer<String> progress;

    public StabilityBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Path dir, Engine engine, Spec spec) throws Exception {
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0, spec.tickTime())) {
            cluster.awaitQuorum(Duration.ofSeconds(120));
            List<String> servers = new ArrayList<>();
            for (long id : cluster.members()) {
                servers.add("127.0.0.1:" + cluster.ports(id).client());
            }
            Result r = run(cluster, servers, engine, spec);
            cluster.stopAll();
            return r;
        }
    }

    /** Runs {@code spec} against an ensemble that already serves. */
    Result run(ClusterLauncher cluster, List<String> servers, Engine engine, Spec spec) throws Exception {
        List<Phase> phases = new ArrayList<>();
        try (LeaderWatch watch = new LeaderWatch(servers, 50);
                CpuHog hog = new CpuHog(spec.hogThreads())) {
            try (LoadDriver bursts = new LoadDriver(servers, spec.load(spec.clients(), spec.phase()))) {
                for (int c = 1; c <= spec.cycles(); c++) {
                    phases.add(burst(bursts, "cycle " + c + " writes", false, Workload.WRITE, watch));
                    phases.add(burst(bursts, "cycle " + c + " reads", false, Workload.READ, watch));
                }
            }
            if (!spec.mixed().isZero()) {
                try (LoadDriver overload = new LoadDriver(servers, spec.load(spec.overloadClients(), spec.mixed()))) {
                    phases.add(burst(overload, "mixed overload", true, Workload.MIXED, watch));
                }
            }
            List<String> delays = QuorumDelays.read(cluster, engine);
            return new Result(engine, spec, phases, watch.leaderChanges(), watch.notServingSightings(),
                    watch.unansweredPolls(), watch.transitions(), delays, ProcessStalls.longest(cluster, engine),
                    ProcessStalls.closedWithoutLeader(cluster, engine));
        }
    }

    private Phase burst(LoadDriver driver, String name, boolean overload, Workload workload, LeaderWatch watch)
            throws Exception {
        LoadDriver.Window w = driver.run(workload, () -> { }, () -> { });
        Phase p = new Phase(name, overload, w.ok(), w.errors(), w.expiredSessions(), w.latency().quantileMillis(0.99),
                watch.leaderChanges());
        progress.accept(String.format("%s: %d ok, %d failed%s, %d sessions expired, p99 %.1f ms, leader changes so far "
                + "%d, not serving %d", name, p.ok(), p.failed(),
                w.errors() == 0 ? "" : " (" + w.errorSummary() + ")", p.expiredSessions(), p.p99Millis(),
                p.leaderChangesSoFar(), watch.notServingSightings()));

        return p;
    }
}
