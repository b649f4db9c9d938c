package org.quorumlab.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/**
 * The throughput/latency suite on one engine: launches a 3-node ensemble in {@code dir}, runs the
 * spec's workloads one after the other against it, samples the node processes' CPU and RSS around
 * each measured window, reads every written key back at the end, and stops the ensemble.
 */
public final class ThroughputBenchmark {

    /**
     * One workload's figures on one engine.
     *
     * @param ops        successful operations (notifications for the watch workload) in the window
     * @param errors     failed operations (missed notifications) in the window
     * @param cpuSeconds user + system CPU of the three node processes during the window
     * @param rssMiB     summed resident memory of the three node processes at the window's end
     */
    public record Row(Engine engine, Workload workload, double seconds, long ops, long errors, double p50Ms,
            double p99Ms, double p999Ms, double maxMs, double cpuSeconds, double rssMiB) {

        public double opsPerSec() {
            return seconds > 0 ? ops / seconds : 0;
        }

        /** CPU of the three servers in percent of one core. */
        public double cpuPercent() {
            return seconds > 0 ? 100 * cpuSeconds / seconds : 0;
        }

        /** Server CPU microseconds per operation. */
        public double cpuMicrosPerOp() {
            return ops > 0 ? 1e6 * cpuSeconds / ops : 0;
        }
    }

    /** All rows of one engine plus the read-back check. */
    public record Result(Engine engine, List<Row> rows, LoadDriver.Verification verification) {
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

    public Result run(Path dir, Engine engine, ThroughputSpec spec) throws Exception {
        List<Row> rows = new ArrayList<>();
        LoadDriver.Verification verification;
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0, TICK_TIME_MS)) {
            cluster.awaitQuorum(Duration.ofSeconds(120));
            List<Long> pids = cluster.members().stream().map(cluster::pid).toList();
            List<String> servers = cluster.members().stream().map(id -> "127.0.0.1:" + cluster.ports(id).client())
                    .toList();
            progress.accept(engine.cliName() + ": ensemble up (pids " + pids + ", leader "
                    + cluster.leader().orElse(-1L) + ")");
            try (LoadDriver driver = new LoadDriver(servers, spec)) {
                progress.accept(engine.cliName() + ": priming with " + spec.priming().toSeconds() + " s of writes");
                driver.prime(spec.priming());
                for (Workload w : spec.workloads()) {
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
                    double seconds = (window[1] - window[0]) / 1e9;
                    LogHistogram h = result.latency();
                    Row row = new Row(engine, w, seconds, result.ok(), result.errors(), h.quantileMillis(0.5),
                            h.quantileMillis(0.99), h.quantileMillis(0.999), h.quantileMillis(1.0), cpu[1] - cpu[0],
                            rss[0]);
                    rows.add(row);
                    progress.accept(String.format(java.util.Locale.ROOT,
                            "%s %-6s %9.0f ops/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  errors %d  cpu %.0f%%"
                                    + "  rss %.0f MiB",
                            engine.cliName(), w.cliName(), row.opsPerSec(), row.p50Ms(), row.p99Ms(), row.p999Ms(),
                            row.errors(), row.cpuPercent(), row.rssMiB()));
                }
                verification = driver.verify();
                progress.accept(engine.cliName() + " read-back: " + new Result(engine, rows, verification)
                        .verificationText());
            }
            cluster.stopAll();
        }
        return new Result(engine, rows, verification);
    }
}
