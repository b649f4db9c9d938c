package org.quorumlab.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.quorumlab.launcher.Engine;

/**
 * The Markdown tables of a throughput report, each a pure function of the per-run rows (the rows of
 * the raw CSV). Nothing here keeps its own tally, so the same CSV always gives the same tables: the
 * report written at the end of a run, {@code quorumlab bench tables FILE.csv} and the README.
 *
 * <p>Ratios are QuorumLab / ZooKeeper and pair the two engines' runs of the same round (the runs
 * closest in time, which is the point of alternating them).
 */
public final class ThroughputTables {

    /** A figure of one run that is compared between the engines. */
    public enum Metric {
        THROUGHPUT("throughput", r -> r.opsPerSec()),
        P50("p50", r -> latency(r, r.p50Ms())),
        P99("p99", r -> latency(r, r.p99Ms())),
        P999("p99.9", r -> latency(r, r.p999Ms())),
        CPU_PER_OP("CPU µs/op", r -> r.ops() > 0 ? r.cpuMicrosPerOp() : Double.NaN),
        RSS("RSS", r -> r.rssMiB() > 0 ? r.rssMiB() : Double.NaN);

        private final String label;
        private final ToDoubleFunction<ThroughputRun> value;

        Metric(String label, ToDoubleFunction<ThroughputRun> value) {
            this.label = label;
            this.value = value;
        }

        public String label() {
            return label;
        }

        /**
         * The run's figure, NaN where it is no measurement: a latency or CPU per operation of a run
         * without a single successful operation, an RSS that {@code /proc} could not give.
         */
        public double of(ThroughputRun run) {
            return value.applyAsDouble(run);
        }

        private static double latency(ThroughputRun r, double millis) {
            return r.ops() > 0 ? millis : Double.NaN;
        }
    }

    private ThroughputTables() {
    }

    /** The rounds present in {@code runs}, ascending. */
    public static List<Integer> rounds(List<ThroughputRun> runs) {
        TreeSet<Integer> rounds = new TreeSet<>();
        runs.forEach(r -> rounds.add(r.round()));
        return List.copyOf(rounds);
    }

    static Optional<ThroughputRun> find(List<ThroughputRun> runs, int round, Engine engine, Workload workload) {
        return runs.stream().filter(r -> r.round() == round && r.engine() == engine && r.workload() == workload)
                .findFirst();
    }

    /** Per-round ratios of {@code metric} on {@code workload}, with their median and range. */
    public static RatioSummary ratios(List<ThroughputRun> runs, Workload workload, Metric metric) {
        List<Double> perRound = new ArrayList<>();
        for (int round : rounds(runs)) {
            var q = find(runs, round, Engine.QUORUMLAB, workload);
            var z = find(runs, round, Engine.ZOOKEEPER, workload);
            perRound.add(q.isPresent() && z.isPresent()
                    ? RatioSummary.ratio(metric.of(q.get()), metric.of(z.get())) : Double.NaN);
        }
        return RatioSummary.of(perRound);
    }

    /** Median over the rounds of one engine's figure on one workload; NaN when no run has it. */
    static double median(List<ThroughputRun> runs, Engine engine, Workload workload,
            ToDoubleFunction<ThroughputRun> figure) {
        return RatioSummary.median(runs.stream().filter(r -> r.engine() == engine && r.workload() == workload)
                .map(r -> figure.applyAsDouble(r)).toList());
    }

    private static boolean hasBoth(List<ThroughputRun> runs, Workload w) {
        return runs.stream().anyMatch(r -> r.workload() == w && r.engine() == Engine.QUORUMLAB)
                && runs.stream().anyMatch(r -> r.workload() == w && r.engine() == Engine.ZOOKEEPER);
    }

    /**
     * One line per workload, each metric's median ratio with its min–max over the rounds; empty
     * when no workload ran on both engines. This is the table the README quotes.
     */
    public static String ratioTable(List<ThroughputRun> runs) {
        StringBuilder b = new StringBuilder("| workload | throughput (higher is better) | p50 | p99 "
                + "| p99.9 (lower is better) | CPU µs/op | RSS |\n|---|---:|---:|---:|---:|---:|---:|\n");
        boolean any = false;
        for (Workload w : Workload.values()) {
            if (!hasBoth(runs, w)) {
                continue;
            }
            any = true;
            b.append("| ").append(w.cliName());
            for (Metric m : Metric.values()) {
                b.append(" | ").append(ratios(runs, w, m).cell());
            }
            b.append(" |\n");
        }
        return any ? b.toString() : "";
    }

    /** Every round's ratio of every metric, then their median and min–max; empty without both engines. */
    public static String ratioRoundsTable(List<ThroughputRun> runs) {
        List<Integer> rounds = rounds(runs);
        StringBuilder b = new StringBuilder("| workload | metric |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int round : rounds) {
            b.append(" round ").append(round).append(" |");
            rule.append("---:|");
        }
        b.append(" median | min–max |\n").append(rule).append("---:|---:|\n");
        boolean any = false;
        for (Workload w : Workload.values()) {
            if (!hasBoth(runs, w)) {
                continue;
            }
            any = true;
            for (Metric m : Metric.values()) {
                RatioSummary s = ratios(runs, w, m);
                b.append("| ").append(w.cliName()).append(" | ").append(m.label()).append(" |");
                s.perRound().forEach(r -> b.append(' ').append(RatioSummary.roundCell(r)).append(" |"));
                b.append(' ').append(RatioSummary.roundCell(s.median())).append(" | ")
                        .append(s.count() == 0 ? "n/a" : RatioSummary.roundCell(s.min()) + "–"
                                + RatioSummary.roundCell(s.max()))
                        .append(" |\n");
            }
        }
        return any ? b.toString() : "";
    }

    /**
     * Each engine's figures per workload, every column the median over the rounds on its own
     * (errors: the sum over all rounds, since one failed request anywhere matters).
     */
    public static String engineTable(List<ThroughputRun> runs) {
        StringBuilder b = new StringBuilder("| workload | engine | ops/s | p50 ms | p99 ms | p99.9 ms | max ms "
                + "| errors | server CPU % | CPU µs/op | RSS MiB (3 nodes) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : Workload.values()) {
            for (Engine e : Engine.values()) {
                List<ThroughputRun> mine = runs.stream().filter(r -> r.engine() == e && r.workload() == w).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                long errors = mine.stream().mapToLong(ThroughputRun::errors).sum();
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s |%n",
                        w.cliName(), e.cliName(), fixed(median(runs, e, w, Metric.THROUGHPUT::of), 0),
                        fixed(median(runs, e, w, Metric.P50::of), 2), fixed(median(runs, e, w, Metric.P99::of), 2),
                        fixed(median(runs, e, w, Metric.P999::of), 2),
                        fixed(median(runs, e, w, r -> r.ops() > 0 ? r.maxMs() : Double.NaN), 1), errors,
                        fixed(median(runs, e, w, ThroughputRun::cpuPercent), 0),
                        fixed(median(runs, e, w, Metric.CPU_PER_OP::of), 0),
                        fixed(median(runs, e, w, Metric.RSS::of), 0)));
            }
        }
        return b.toString();
    }

    /** Every run in the order it ran, with the load average before it. */
    public static String runTable(List<ThroughputRun> runs) {
        StringBuilder b = new StringBuilder("| round | engine | workload | started (UTC) | load 1/5 min before "
                + "| ops/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | CPU µs/op | RSS MiB |\n"
                + "|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ThroughputRun r : runs) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s / %s | %s | %s | %s | %s | %s | %d | %s "
                    + "| %s |%n", r.round(), r.engine().cliName(), r.workload().cliName(),
                    r.startedAt() == null ? "n/a" : r.startedAt().toString(), fixed(r.load1Before(), 2),
                    fixed(r.load5Before(), 2), fixed(r.opsPerSec(), 0), fixed(Metric.P50.of(r), 2),
                    fixed(Metric.P99.of(r), 2), fixed(Metric.P999.of(r), 2),
                    fixed(r.ops() > 0 ? r.maxMs() : Double.NaN, 1), r.errors(), fixed(Metric.CPU_PER_OP.of(r), 0),
                    fixed(Metric.RSS.of(r), 0)));
        }
        return b.toString();
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
