package org.quorumlab.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/**
 * One round of the throughput/latency suite on one engine: launches a fresh 3-node ensemble in
 * {@code dir}, primes it, runs the spec's workloads one after the other against it (noting the
 * machine's load average and the time before each), samples the node processes' CPU and RSS around
 * each measured window, reads every written key back at the end, and stops the ensemble.
 * {@link AlternatingRounds} decides which engine and round runs when.
 */
public final class ThroughputBenchmark {

    /** One engine's runs of one round plus that round's read-back check. */
    public record Result(Engine engine, int round, List<ThroughputRun> runs, LoadDriver.Verification verification) {

        public Result {
            runs = List.copyOf(runs);
        }

        /** True when every key held its last acknowledged write (or a later one) on every server. */
        public boolean readBackPassed() {
            return verification != null && verification.passed();
        }

        public String verificationText() {
            return verification == null ? "not run"
                    : (verification.passed() ? "OK" : "FAILED") + ": " + verification.keys() + " keys read back from "
                            + verification.servers() + " servers, " + verification.lost() + " acknowledged writes lost"
                            + (verification.problems().isEmpty() ? "" : " " + verification.problems());
        }
    }

    /**
     * ZooKeeper's default tickTime, used for both engines: with the launcher's 200 ms (syncLimit 1 s)
     * ZooKeeper followers dropped out under load on a busy 2-core machine.
     */
    public static final int TICK_TIME_MS = 2000;

    private final Consumer<String> progress;

    public ThroughputBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Path dir, Engine engine, int round, ThroughputSpec spec) throws Exception {
        List<ThroughputRun> runs = new ArrayList<>();
        LoadDriver.Verification verification;
        String name = "round " + round + " " + engine.cliName();
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0, TICK_TIME_MS)) {
            cluster.awaitQuorum(Duration.ofSeconds(120));
            List<Long> pids = cluster.members().stream().map(cluster::pid).toList();
            List<String> servers = cluster.members().stream().map(id -> "127.0.0.1:" + cluster.ports(id).client())
                    .toList();
            progress.accept(name + ": ensemble up (pids " + pids + ", leader " + cluster.leader().orElse(-1L) + ")");
            try (LoadDriver driver = new LoadDriver(servers, spec)) {
                progress.accept(name + ": priming with " + spec.priming().toSeconds() + " s of writes");
                driver.prime(spec.priming());
                for (Workload w : spec.workloads()) {
                    ThroughputRun run = measure(round, engine, w, pids, servers, driver, spec);
                    runs.add(run);
                    progress.accept(String.format(Locale.ROOT,
                            "%s %-6s %9.0f ops/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  errors %d  cpu %.0f%%"
                                    + "  rss %.0f MiB  (load before %.2f)",
                            name, w.cliName(), run.opsPerSec(), run.p50Ms(), run.p99Ms(), run.p999Ms(), run.errors(),
                            run.cpuPercent(), run.rssMiB(), run.load1Before()));
                }
                verification = driver.verify();
                progress.accept(name + " read-back: " + new Result(engine, round, runs, verification)
                        .verificationText());
            }
            cluster.stopAll();
        }
        return new Result(engine, round, runs, verification);
    }

    private static ThroughputRun measure(int round, Engine engine, Workload w, List<Long> pids, List<String> servers,
            LoadDriver driver, ThroughputSpec spec) throws Exception {
        // sampled before the warm-up: the load the run starts into, including what the previous
        // workload of this ensemble left in the 1-minute figure
        LoadAverage load = LoadAverage.read();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double[] cpu = new double[2];
        double[] rss = new double[1];
        long[] window = new long[2];
        Runnable atStart = () -> {
            window[0] = System.nanoTime();
            cpu[0] = ProcessStats.cpuSeconds(pids);
        };
        Runnable atEnd = () -> {
            window[1] = System.nanoTime();
            cpu[1] = ProcessStats.cpuSeconds(pids);
            rss[0] = ProcessStats.rssMiB(pids);
        };
        LoadDriver.Window result = w == Workload.WATCH
                ? new WatchFanout(servers, spec).run(atStart, atEnd)
                : driver.run(w, atStart, atEnd);
        LogHistogram h = result.latency();
        // whole clock ticks, as /proc counts them: the CSV then holds 12.34, not 12.340000000000002
        double cpuSeconds = Math.round((cpu[1] - cpu[0]) * ProcessStats.TICKS_PER_SECOND)
                / ProcessStats.TICKS_PER_SECOND;
        return new ThroughputRun(round, engine, w, startedAt, load.oneMinute(), load.fiveMinutes(),
                (window[1] - window[0]) / 1e9, result.ok(), result.errors(), h.quantileMillis(0.5),
                h.quantileMillis(0.99), h.quantileMillis(0.999), h.quantileMillis(1.0), cpuSeconds, rss[0]);
    }
}
