package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.load.DurationText;
import org.quorumlab.launcher.load.LoadGenerator;
import org.quorumlab.launcher.load.LoadSample;
import org.quorumlab.launcher.load.LoadSpec;
import org.quorumlab.launcher.load.balancing.BalancingPolicies;

/**
 * {@code quorumlab load --connect host:port,... [--clients C] [--rate R] [--read-ratio X]
 * [--value-size B] [--duration 30s] [--policy P] [--keys K] [--max-outstanding N] [--seed S]}:
 * runs a {@link LoadGenerator}, rewrites one progress line every second and prints a summary with
 * the per-node distribution at the end (also on Ctrl-C). Exit 0 when some operation succeeded.
 */
public final class LoadCommand {

    static final String USAGE = """
            usage: quorumlab load --connect host:port,... [--clients 4] [--rate 0] [--read-ratio 0.9]
                                  [--value-size 100] [--duration 30s] [--keys 16] [--max-outstanding 16]
                                  [--policy random|round-robin|least-latency|least-outstanding|weighted:1=3,2=1]
                                  [--seed 1]
              --rate 0 runs as fast as the clients can (each keeps --max-outstanding requests in flight);
              without --duration it runs until Ctrl-C. weighted: keys are positions in --connect or host:port.
            """;
    private static final Set<String> OPTIONS = Set.of("--connect", "--clients", "--rate", "--read-ratio",
            "--value-size", "--duration", "--policy", "--keys", "--max-outstanding", "--seed");

    private LoadCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        LoadSpec spec;
        try {
            spec = spec(args);
        } catch (LauncherException | IllegalArgumentException e) {
            err.println("quorumlab load: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        LoadGenerator gen = new LoadGenerator(spec);
        CountDownLatch summaryPrinted = new CountDownLatch(1);
        gen.addListener(s -> {
            if (!s.last()) {
                out.print("\r" + s.progressLine() + "   ");
                out.flush();
            }
        });
        Thread hook = new Thread(() -> {
            gen.stop();
            try {
                summaryPrinted.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "load-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                gen.start();
            } catch (LauncherException e) {
                err.println("quorumlab load: " + e.getMessage());
                return 1;
            }
            out.println("load: " + spec.clients() + " clients on " + spec.servers().size() + " server(s), rate "
                    + (spec.ratePerSecond() == 0 ? "unlimited" : fmt(spec.ratePerSecond()) + " ops/s") + ", read ratio "
                    + spec.readRatio() + ", policy " + spec.policy().name()
                    + (spec.duration() == null ? ", until Ctrl-C" : ", for " + DurationText.format(spec.duration())));
            while (!gen.awaitCompletion(Duration.ofDays(1))) {
                // keep waiting
            }
            LoadSample summary = gen.summary();
            out.println();
            printSummary(out, spec, summary, gen.errorsByCode());
            out.flush();
            return summary.totalOps() > 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gen.stop();
            return 1;
        } finally {
            summaryPrinted.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
    }

    static LoadSpec spec(String[] args) {
        CliOptions o = CliOptions.parse(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + o.positional().get(0) + "'");
        }
        String connect = o.get("--connect", null);
        if (connect == null) {
            throw new IllegalArgumentException("--connect host:port,... is required");
        }
        long seed = Long.parseLong(o.get("--seed", "1"));
        String duration = o.get("--duration", null);
        return LoadSpec.builder(connect)
                .clients(o.intOption("--clients", 4))
                .ratePerSecond(number(o, "--rate", 0))
                .readRatio(number(o, "--read-ratio", 0.9))
                .valueSize(o.intOption("--value-size", 100))
                .keyCount(o.intOption("--keys", 16))
                .maxOutstandingPerClient(o.intOption("--max-outstanding", 16))
                .duration(duration == null ? null : DurationText.parse(duration))
                .policy(BalancingPolicies.parse(o.get("--policy", "round-robin"), seed))
                .seed(seed)
                .build();
    }

    private static double number(CliOptions o, String name, double fallback) {
        String v = o.get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects a number, got '" + v + "'");
        }
    }

    static void printSummary(PrintStream out, LoadSpec spec, LoadSample s, Map<String, Long> errors) {
        out.printf(Locale.ROOT, "load finished after %.1f s: %d ops (%d reads, %d writes), %s ops/s, %d errors%n",
                s.elapsedMillis() / 1000.0, s.totalOps(), s.totalReads(), s.totalWrites(), fmt(s.opsPerSec()),
                s.totalErrors());
        out.printf(Locale.ROOT, "latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", s.overallLatency().p50Ms(),
                s.overallLatency().p99Ms(), s.overallLatency().p999Ms(), s.overallLatency().maxMs());
        out.println("per node (policy " + spec.policy().name() + "):");
        out.printf("  %-3s %-22s %-8s %-10s %-6s %-9s %-7s %s%n", "#", "SERVER", "CLIENTS", "OPS", "SHARE", "OPS/S",
                "ERRORS", "EWMA-MS");
        for (int i = 0; i < s.servers().size(); i++) {
            LoadSample.ServerSample n = s.servers().get(i);
            out.printf(Locale.ROOT, "  %-3d %-22s %-8d %-10d %-6s %-9s %-7d %.2f%n", i + 1, n.server(), n.clients(),
                    n.totalOps(), String.format(Locale.ROOT, "%.1f%%", 100 * n.share()), fmt(n.opsPerSec()), n.errors(),
                    n.latencyEwmaMillis());
        }
        if (!errors.isEmpty()) {
            out.println("errors by code: " + errors);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
