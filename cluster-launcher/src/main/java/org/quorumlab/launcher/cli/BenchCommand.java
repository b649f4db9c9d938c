package org.quorumlab.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.bench.BenchReport;
import org.quorumlab.launcher.bench.FailoverBenchmark;
import org.quorumlab.launcher.bench.StabilityBenchmark;
import org.quorumlab.launcher.bench.StabilityReport;
import org.quorumlab.launcher.bench.ThroughputBenchmark;
import org.quorumlab.launcher.bench.ThroughputReport;
import org.quorumlab.launcher.bench.ThroughputSpec;
import org.quorumlab.launcher.bench.Workload;

/**
 * {@code quorumlab bench [--quick] [--engine both|quorumlab|zookeeper] [--clients N] [--value-size B]
 * [--duration S] [--workloads write,read,mixed,churn,watch] [--out bench]}: the throughput/latency
 * suite, each engine in turn on the same machine.
 *
 * <p>{@code quorumlab bench failover [--engine quorumlab|zookeeper|both] [--runs 20] [--reconfig-runs 5]
 * [--out bench]}: kill -9 leader failover and add-server reconfig figures on real processes.
 *
 * <p>{@code quorumlab bench stability [--engine quorumlab|zookeeper|both] [--cycles 20] [--phase-seconds 10]
 * [--mixed-seconds 300] [--hog N] [--out bench]}: leader changes and failed requests under write/read
 * bursts and a mixed overload (there should be none).
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("failover")) {
            return failover(args);
        }
        if (args.length > 0 && args[0].equals("stability")) {
            return stability(args);
        }
        return throughput(args);
    }

    private static int throughput(String[] args) throws Exception {
        boolean quick = false;
        String engines = "both";
        Integer clients = null;
        Integer valueSize = null;
        Integer seconds = null;
        String workloads = "all";
        Path out = Path.of("bench");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--quick" -> {
                    quick = true;
                    continue;
                }
                case "--engine" -> engines = require(value, args[i]);
                case "--clients" -> clients = Integer.parseInt(require(value, args[i]));
                case "--value-size" -> valueSize = Integer.parseInt(require(value, args[i]));
                case "--duration" -> seconds = Integer.parseInt(require(value, args[i]));
                case "--workloads" -> workloads = require(value, args[i]);
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i]
                        + "\nusage: quorumlab bench [--quick] [--engine both|quorumlab|zookeeper] [--clients N] "
                        + "[--value-size B] [--duration S] "
                        + "[--workloads write,read,mixed,churn,watch] [--out DIR]\n"
                        + "       quorumlab bench failover [--engine quorumlab|zookeeper|both] [--runs N] "
                        + "[--reconfig-runs N] [--out DIR]");
            }
            i++;
        }
        ThroughputSpec base = quick ? ThroughputSpec.quick() : ThroughputSpec.full();
        ThroughputSpec spec;
        try {
            spec = base.with(clients != null ? clients : base.clients(),
                    valueSize != null ? valueSize : base.valueSize(),
                    seconds != null ? Duration.ofSeconds(seconds) : base.duration(), Workload.parseList(workloads));
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
        String loadBefore = ThroughputReport.loadAverage();
        Path tmp = Files.createTempDirectory("quorumlab-bench");
        List<ThroughputBenchmark.Result> results = new ArrayList<>();
        ThroughputBenchmark bench = new ThroughputBenchmark(System.out::println);
        for (Engine e : engines(engines)) {
            Path dir = Files.createDirectories(tmp.resolve(e.cliName()));
            results.add(bench.run(dir, e, spec));
        }
        String load = loadBefore + " before, " + ThroughputReport.loadAverage() + " after";
        ThroughputReport report = new ThroughputReport(results, spec, BenchReport.machine(), load);
        System.out.println();
        System.out.println(report.markdownTable());
        String ratios = report.ratioTable();
        if (!ratios.isEmpty()) {
            System.out.println("Ratios QuorumLab / ZooKeeper");
            System.out.println(ratios);
        }
        results.forEach(r -> System.out.println(r.engine().cliName() + " read-back: " + r.verificationText()));
        System.out.println("written to " + report.write(out, "quorumlab bench " + String.join(" ", args))
                + " (+ .csv, .html)");
        boolean lost = results.stream().anyMatch(r -> !r.readBackPassed());
        return lost ? 1 : 0;
    }

    private static int failover(String[] args) throws Exception {
        String engines = "quorumlab";
        int runs = 20;
        int reconfigRuns = 5;
        Path out = Path.of("bench");
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--engine" -> engines = require(value, args[i]);
                case "--runs" -> runs = Integer.parseInt(require(value, args[i]));
                case "--reconfig-runs" -> reconfigRuns = Integer.parseInt(require(value, args[i]));
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i]
                        + "\nusage: quorumlab bench failover [--engine quorumlab|zookeeper|both] [--runs N] "
                        + "[--reconfig-runs N] [--out DIR]");
            }
            i++;
        }
        String loadBefore = ThroughputReport.loadAverage();
        List<FailoverBenchmark.Result> results = new ArrayList<>();
        FailoverBenchmark bench = new FailoverBenchmark(System.out::println);
        for (Engine e : engines(engines)) {
            Path dir = Files.createTempDirectory("quorumlab-bench-" + e.cliName());
            results.add(bench.run(dir, e, runs, reconfigRuns));
        }
        String table = BenchReport.failoverTable(results, BenchReport.machine()) + "\nLoad average: " + loadBefore
                + " before, " + ThroughputReport.loadAverage() + " after\n\n## The client's view of a leader kill\n\n"
                + BenchReport.clientViewTable(results);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + BenchReport.write(out, "failover", "# Failover and reconfig\n\n" + table));
        return 0;
    }

    static final String STABILITY_USAGE = "usage: quorumlab bench stability [--engine quorumlab|zookeeper|both] "
            + "[--cycles N] [--phase-seconds S] [--mixed-seconds S] [--hog THREADS] [--out DIR]";

    private static int stability(String[] args) throws Exception {
        String engines = "quorumlab";
        StabilityBenchmark.Spec d = StabilityBenchmark.Spec.full();
        int cycles = d.cycles();
        long phase = d.phase().toSeconds();
        long mixed = d.mixed().toSeconds();
        int hog = d.hogThreads();
        Path out = Path.of("bench");
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--engine" -> engines = require(value, args[i]);
                case "--cycles" -> cycles = number(value, args[i]);
                case "--phase-seconds" -> phase = number(value, args[i]);
                case "--mixed-seconds" -> mixed = number(value, args[i]);
                case "--hog" -> hog = number(value, args[i]);
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i] + " (" + STABILITY_USAGE + ")");
            }
            i++;
        }
        StabilityBenchmark.Spec spec;
        try {
            spec = new StabilityBenchmark.Spec(cycles, Duration.ofSeconds(phase), Duration.ofSeconds(mixed),
                    d.clients(), d.outstanding(), d.overloadClients(), hog, d.tickTime());
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage() + " (" + STABILITY_USAGE + ")");
        }
        String loadBefore = ThroughputReport.loadAverage();
        List<StabilityBenchmark.Result> results = new ArrayList<>();
        StabilityBenchmark bench = new StabilityBenchmark(System.out::println);
        for (Engine e : engines(engines)) {
            Path dir = Files.createTempDirectory("quorumlab-stability-" + e.cliName());
            results.add(bench.run(dir, e, spec));
        }
        String load = loadBefore + " before, " + ThroughputReport.loadAverage() + " after";
        String report = StabilityReport.markdown(results, BenchReport.machine(), load);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + BenchReport.write(out, "stability", report));
        return results.stream().allMatch(StabilityBenchmark.Result::stable) ? 0 : 1;
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(require(value, option));
        } catch (NumberFormatException e) {
            throw new LauncherException(option + " needs a whole number, got '" + value + "' (" + STABILITY_USAGE + ")");
        }
    }

    private static List<Engine> engines(String text) {
        return text.equals("both") ? List.of(Engine.QUORUMLAB, Engine.ZOOKEEPER) : List.of(Engine.parse(text));
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new LauncherException(option + " needs a value");
        }
        return value;
    }
}
