package org.quorumlab.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.bench.AlternatingRounds;
import org.quorumlab.launcher.bench.BenchReport;
import org.quorumlab.launcher.bench.FailoverBenchmark;
import org.quorumlab.launcher.bench.ScaleBenchmark;
import org.quorumlab.launcher.bench.ScaleReport;
import org.quorumlab.launcher.bench.StabilityBenchmark;
import org.quorumlab.launcher.bench.StabilityReport;
import org.quorumlab.launcher.bench.ThroughputBenchmark;
import org.quorumlab.launcher.bench.ThroughputCsv;
import org.quorumlab.launcher.bench.ThroughputReport;
import org.quorumlab.launcher.bench.ThroughputRun;
import org.quorumlab.launcher.bench.ThroughputSpec;
import org.quorumlab.launcher.bench.ThroughputTables;
import org.quorumlab.launcher.bench.Workload;

/**
 * {@code quorumlab bench [--quick] [--rounds N] [--engine both|quorumlab|zookeeper] [--clients N]
 * [--value-size B] [--duration S] [--workloads write,read,mixed,churn,watch] [--out bench]}: the
 * throughput/latency suite, the engines alternating for N rounds (default 3, at least 3; {@code --quick}
 * defaults to 1 and allows fewer, as a smoke run that is no valid comparison) on the same machine.
 *
 * <p>{@code quorumlab bench tables FILE.csv}: the throughput report's tables again, computed from its
 * raw per-run CSV (how README tables are regenerated from committed files).
 *
 * <p>{@code quorumlab bench failover [--engine quorumlab|zookeeper|both] [--runs 20] [--reconfig-runs 5]
 * [--out bench]}: kill -9 leader failover and add-server reconfig figures on real processes.
 *
 * <p>{@code quorumlab bench stability [--engine quorumlab|zookeeper|both] [--cycles 20] [--phase-seconds 10]
 * [--mixed-seconds 300] [--hog N] [--out bench]}: leader changes and failed requests under write/read
 * bursts and a mixed overload (there should be none).
 *
 * <p>{@code quorumlab bench scale [--engine quorumlab|zookeeper|both] [--znodes 1000000] [--value-bytes 100]
 * [--missed 100000] [--out bench]}: loading a big tree, restarting every node with it, a follower's
 * catch-up, and memory and disk per node.
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
        if (args.length > 0 && args[0].equals("scale")) {
            return scale(args);
        }
        if (args.length > 0 && args[0].equals("tables")) {
            return tables(args);
        }
        return throughput(args);
    }

    static final String THROUGHPUT_USAGE = "usage: quorumlab bench [--quick] [--rounds N] "
            + "[--engine both|quorumlab|zookeeper] [--clients N] [--value-size B] [--duration S] "
            + "[--workloads write,read,mixed,churn,watch] [--out DIR]";
    static final String TABLES_USAGE = "usage: quorumlab bench tables FILE.csv";

    private static int throughput(String[] args) throws Exception {
        boolean quick = false;
        Integer rounds = null;
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
                case "--rounds" -> rounds = number(value, args[i], THROUGHPUT_USAGE);
                case "--engine" -> engines = require(value, args[i]);
                case "--clients" -> clients = number(value, args[i], THROUGHPUT_USAGE);
                case "--value-size" -> valueSize = number(value, args[i], THROUGHPUT_USAGE);
                case "--duration" -> seconds = number(value, args[i], THROUGHPUT_USAGE);
                case "--workloads" -> workloads = require(value, args[i]);
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i] + " (" + THROUGHPUT_USAGE
                        + "; also: quorumlab bench failover|stability|scale|tables ...)");
            }
            i++;
        }
        // a smoke run keeps its under-two-minutes promise with one round; a comparison needs three
        int roundCount = rounds != null ? rounds : quick ? 1 : AlternatingRounds.MIN_ROUNDS;
        ThroughputSpec base = quick ? ThroughputSpec.quick() : ThroughputSpec.full();
        ThroughputSpec spec;
        AlternatingRounds schedule;
        try {
            AlternatingRounds.requireEnoughRounds(roundCount, quick);
            spec = base.with(clients != null ? clients : base.clients(),
                    valueSize != null ? valueSize : base.valueSize(),
                    seconds != null ? Duration.ofSeconds(seconds) : base.duration(), Workload.parseList(workloads));
            schedule = new AlternatingRounds(roundCount, engines(engines), spec.workloads());
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage() + " (" + THROUGHPUT_USAGE + ")");
        }
        String loadBefore = ThroughputReport.loadAverage();
        Path tmp = Files.createTempDirectory("quorumlab-bench");
        ThroughputBenchmark bench = new ThroughputBenchmark(System.out::println);
        // every engine-round on a fresh ensemble in its own directory, as a single run always had
        AlternatingRounds.EngineRound oneRound = (round, engine, wl) -> bench.run(
                Files.createDirectories(tmp.resolve("round-" + round).resolve(engine.cliName())), engine, round,
                spec.with(spec.clients(), spec.valueSize(), spec.duration(), wl));
        // the rows so far, rewritten after every engine-round: a failure in round 3 keeps rounds 1-2
        Path partial = out.resolve(ThroughputReport.baseName(quick) + "-partial.csv");
        List<ThroughputBenchmark.Result> done = new ArrayList<>();
        List<ThroughputBenchmark.Result> results = schedule.run(oneRound, r -> {
            done.add(r);
            savePartial(partial, done);
        });
        String load = loadBefore + " before, " + ThroughputReport.loadAverage() + " after";
        ThroughputReport report = new ThroughputReport(results, spec, BenchReport.machine(), load, quick);
        System.out.println();
        System.out.println(report.markdownTable());
        String ratios = report.ratioTable();
        if (!ratios.isEmpty()) {
            System.out.println("Ratios QuorumLab / ZooKeeper, median over " + schedule.rounds()
                    + " rounds (min–max)");
            System.out.println(ratios);
        }
        if (quick) {
            System.out.println("Smoke run (--quick): not a valid comparison.");
        }
        results.forEach(r -> System.out.println("round " + r.round() + " " + r.engine().cliName() + " read-back: "
                + r.verificationText()));
        System.out.println("written to " + report.write(out, "quorumlab bench " + String.join(" ", args))
                + " (+ .csv, .html)");
        Files.deleteIfExists(partial);
        boolean lost = results.stream().anyMatch(r -> !r.readBackPassed());
        return lost ? 1 : 0;
    }

    private static void savePartial(Path file, List<ThroughputBenchmark.Result> done) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, ThroughputCsv.write(done.stream().flatMap(r -> r.runs().stream()).toList()));
        } catch (IOException e) {
            // the run itself matters more than its safety copy: say so and go on
            System.out.println("could not save " + file + ": " + e.getMessage());
        }
    }

    /** {@code quorumlab bench tables FILE.csv}: the report's tables again, computed from a committed CSV. */
    private static int tables(String[] args) throws Exception {
        if (args.length != 2 || args[1].startsWith("--")) {
            throw new LauncherException(TABLES_USAGE);
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            throw new LauncherException("no such file: " + file + " (" + TABLES_USAGE + ")");
        }
        List<ThroughputRun> runs;
        try {
            runs = ThroughputCsv.read(file);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(file + ": " + e.getMessage());
        }
        String ratios = ThroughputTables.ratioTable(runs);
        int rounds = ThroughputTables.rounds(runs).size();
        if (!ratios.isEmpty()) {
            System.out.println("Ratios QuorumLab / ZooKeeper, median over " + rounds + " rounds (min–max)\n");
            System.out.println(ratios);
            System.out.println("Ratios per round\n");
            System.out.println(ThroughputTables.ratioRoundsTable(runs));
        }
        System.out.println("Each engine: median over " + rounds + " rounds\n");
        System.out.println(ThroughputTables.engineTable(runs));
        System.out.println("Every run\n");
        System.out.print(ThroughputTables.runTable(runs));
        return 0;
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
                case "--cycles" -> cycles = number(value, args[i], STABILITY_USAGE);
                case "--phase-seconds" -> phase = number(value, args[i], STABILITY_USAGE);
                case "--mixed-seconds" -> mixed = number(value, args[i], STABILITY_USAGE);
                case "--hog" -> hog = number(value, args[i], STABILITY_USAGE);
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

    static final String SCALE_USAGE = "usage: quorumlab bench scale [--engine quorumlab|zookeeper|both] "
            + "[--znodes N] [--value-bytes B] [--missed M] [--out DIR]";

    private static int scale(String[] args) throws Exception {
        String engines = "both";
        int znodes = ScaleBenchmark.Spec.DEFAULT_ZNODES;
        int valueBytes = ScaleBenchmark.Spec.DEFAULT_VALUE_BYTES;
        int missed = ScaleBenchmark.Spec.DEFAULT_MISSED;
        Path out = Path.of("bench");
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--engine" -> engines = require(value, args[i]);
                case "--znodes" -> znodes = number(value, args[i], SCALE_USAGE);
                case "--value-bytes" -> valueBytes = number(value, args[i], SCALE_USAGE);
                case "--missed" -> missed = number(value, args[i], SCALE_USAGE);
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i] + " (" + SCALE_USAGE + ")");
            }
            i++;
        }
        ScaleBenchmark.Spec spec;
        List<Engine> order;
        try {
            spec = ScaleBenchmark.Spec.of(znodes, valueBytes, missed);
            order = engines(engines);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage() + " (" + SCALE_USAGE + ")");
        }
        String loadBefore = ThroughputReport.loadAverage();
        List<ScaleBenchmark.Result> results = new ArrayList<>();
        ScaleBenchmark bench = new ScaleBenchmark(System.out::println);
        for (Engine e : order) {
            Path dir = Files.createTempDirectory("quorumlab-scale-" + e.cliName());
            results.add(bench.run(dir, e, spec));
        }
        String load = loadBefore + " before, " + ThroughputReport.loadAverage() + " after";
        String report = ScaleReport.markdown(results, BenchReport.machine(), load);
        System.out.println();
        System.out.println(report);
        Path written = BenchReport.write(out, "scale", report);
        Path csv = written.resolveSibling(written.getFileName().toString().replaceFirst("\\.md$", ".csv"));
        Files.writeString(csv, ScaleReport.csv(results));
        System.out.println("written to " + written + " (+ " + csv.getFileName() + ")");
        return results.stream().allMatch(ScaleBenchmark.Result::complete) ? 0 : 1;
    }

    private static int number(String value, String option, String usage) {
        try {
            return Integer.parseInt(require(value, option));
        } catch (NumberFormatException e) {
            throw new LauncherException(option + " needs a whole number, got '" + value + "' (" + usage + ")");
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
