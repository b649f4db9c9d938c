package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.node.JavaCommand;

/**
 * Renders a throughput comparison as the raw per-run CSV, a Markdown report and a self-contained
 * HTML page with inline SVG bar charts. Every table and chart is computed from the per-run rows
 * ({@link ThroughputTables}); {@link #write} builds the Markdown and HTML from the CSV file it has
 * just written, so the committed CSV is the source of every figure in them.
 */
public final class ThroughputReport {

    private final List<ThroughputBenchmark.Result> results;
    private final List<ThroughputRun> runs;
    private final ThroughputSpec spec;
    private final String machine;
    private final String load;
    private final boolean smokeRun;

    /**
     * @param results  every engine-round in the order it ran
     * @param load     the machine's load average around the whole run, for the header
     * @param smokeRun a {@code --quick} run: the report says it is no valid comparison
     */
    public ThroughputReport(List<ThroughputBenchmark.Result> results, ThroughputSpec spec, String machine,
            String load, boolean smokeRun) {
        this.results = List.copyOf(results);
        List<ThroughputRun> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.runs()));
        this.runs = List.copyOf(all);
        this.spec = spec;
        this.machine = machine;
        this.load = load;
        this.smokeRun = smokeRun;
    }

    /** {@code /proc/loadavg}'s three load averages, or "n/a". */
    public static String loadAverage() {
        return LoadAverage.read().text();
    }

    /** {@code results-DATE}, or {@code results-DATE-quick} so a smoke run never replaces a full run's files. */
    public static String baseName(boolean smokeRun) {
        return "results-" + LocalDate.now() + (smokeRun ? "-quick" : "");
    }

    public String settings() {
        return String.format(Locale.ROOT, "3 nodes per engine, fsync on (ZooKeeper forceSync=yes, QuorumLab SQLite "
                + "synchronous=FULL), tickTime %d ms for both, same node JVM options (%s), data dirs under one "
                + "temp dir; %d client sessions × %d outstanding async requests, %d-byte values, %d keys per client; "
                + "%d s of writes to prime fresh JVMs, then %d s warm-up + %d s measured per workload; watch fan-out: "
                + "%d sessions × %d watches",
                ThroughputBenchmark.TICK_TIME_MS, String.join(" ", JavaCommand.current().jvmOptions()),
                spec.clients(), spec.outstandingPerClient(), spec.valueSize(), spec.keysPerClient(),
                spec.priming().toSeconds(), spec.warmup().toSeconds(), spec.duration().toSeconds(),
                spec.watchSessions(), spec.watchesPerSession());
    }

    /** How the runs were ordered and compared, for the report's header. */
    public String method(List<ThroughputRun> rows) {
        int rounds = ThroughputTables.rounds(rows).size();
        List<String> engines = Arrays.stream(Engine.values()).filter(e -> rows.stream().anyMatch(r -> r.engine() == e))
                .map(e -> e == Engine.QUORUMLAB ? "QuorumLab" : "ZooKeeper").toList();
        String method = String.format(Locale.ROOT, "%d round%s. Each round runs %s, each on a freshly started 3-node "
                + "ensemble (new data dirs and JVMs, primed with %d s of writes) that runs every workload in order, "
                + "reads every key back and stops", rounds, rounds == 1 ? "" : "s", String.join(", then ", engines),
                spec.priming().toSeconds());
        if (engines.size() > 1) {
            method += "; the order is the same in every round, so for each workload the runs alternate QuorumLab, "
                    + "ZooKeeper, QuorumLab, ZooKeeper… (ABAB). Ratios QuorumLab/ZooKeeper pair the two runs of the "
                    + "same round; tables give the median over the rounds with the min–max";
        }
        method += ". Every table below is computed from the raw per-run CSV next to this file (`quorumlab bench "
                + "tables FILE.csv` prints them again).";
        if (smokeRun) {
            method = "**Smoke run (`--quick`): not a valid comparison.** Its short windows and few rounds show that "
                    + "the suite works, not how the engines compare; quote only a full `quorumlab bench` run "
                    + "(at least " + AlternatingRounds.MIN_ROUNDS + " rounds). " + method;
        } else if (rounds < AlternatingRounds.MIN_ROUNDS) {
            method = "**Fewer than " + AlternatingRounds.MIN_ROUNDS + " rounds: not a valid comparison.** " + method;
        }
        return method;
    }

    /** Each engine's figures per workload, the median over the rounds. */
    public String markdownTable() {
        return ThroughputTables.engineTable(runs);
    }

    /** Median ratio QuorumLab / ZooKeeper with min–max per workload; empty when both engines did not run. */
    public String ratioTable() {
        return ThroughputTables.ratioTable(runs);
    }

    public String csv() {
        return ThroughputCsv.write(runs);
    }

    public String markdown(String command) {
        return markdown(command, runs);
    }

    /** The report with its tables computed from {@code rows} (normally the rows read back from the CSV). */
    String markdown(String command, List<ThroughputRun> rows) {
        StringBuilder b = new StringBuilder("# Throughput and latency: QuorumLab vs Apache ZooKeeper 3.9.3\n\n");
        b.append("Date: ").append(LocalDate.now()).append("  \nMachine: ").append(machine)
                .append("  \nLoad average (1/5/15 min) ").append(load).append("  \nCommand: `").append(command)
                .append("`  \nMethod: ").append(method(rows)).append("  \nSettings: ").append(settings())
                .append("\n\n");
        String ratios = ThroughputTables.ratioTable(rows);
        if (!ratios.isEmpty()) {
            b.append("## Ratios QuorumLab / ZooKeeper: median over the rounds (min–max)\n\n").append(ratios)
                    .append("\nThroughput: higher is better; latency, CPU per operation and RSS: lower is better. ")
                    .append("n/a: no ratio (a run without operations, or a figure that could not be read).\n\n");
            b.append("## Ratios per round\n\n").append(ThroughputTables.ratioRoundsTable(rows)).append('\n');
        }
        b.append("## Each engine: median over the rounds\n\n").append(ThroughputTables.engineTable(rows))
                .append("\nerrors: the sum over all rounds.\n\n");
        b.append("## Every run, in the order it ran\n\n").append(ThroughputTables.runTable(rows)).append('\n');
        b.append("## Acknowledged writes read back\n\n");
        for (ThroughputBenchmark.Result r : results) {
            b.append("- round ").append(r.round()).append(' ').append(r.engine().cliName()).append(": ")
                    .append(r.verificationText()).append('\n');
        }
        b.append("\nLatency: async call to callback in the client JVM (watch: writer's setData call to the "
                + "notification at each watcher). Server CPU: utime+stime of the three node processes over the "
                + "measured window, in % of one core. RSS: sum of the three nodes' VmRSS at the window's end. "
                + "Load average before a run: /proc/loadavg just before its warm-up; the 1-minute figure includes "
                + "the suite's own load from the run before it on the same ensemble.\n");
        return b.toString();
    }

    /** A self-contained page: one SVG bar chart per metric, bars scaled per workload. */
    public String html() {
        return html(runs);
    }

    String html(List<ThroughputRun> rows) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>QuorumLab vs ZooKeeper " + LocalDate.now() + "</title><style>body{font-family:sans-serif;"
                + "margin:2em}svg text{font-size:12px}</style></head><body>\n");
        b.append("<h1>QuorumLab vs Apache ZooKeeper: throughput and latency</h1>\n<p>")
                .append(escape(LocalDate.now() + " · " + machine + " · load average " + load)).append("</p>\n<p>")
                .append(escape(method(rows))).append("</p>\n<p>").append(escape(settings())).append("</p>\n");
        chart(b, rows, "Throughput (ops/s, higher is better)", ThroughputTables.Metric.THROUGHPUT, "%.0f");
        chart(b, rows, "p50 latency (ms, lower is better)", ThroughputTables.Metric.P50, "%.2f");
        chart(b, rows, "p99 latency (ms, lower is better)", ThroughputTables.Metric.P99, "%.2f");
        chart(b, rows, "p99.9 latency (ms, lower is better)", ThroughputTables.Metric.P999, "%.2f");
        chart(b, rows, "Server CPU per operation (µs, lower is better)", ThroughputTables.Metric.CPU_PER_OP, "%.0f");
        b.append("<pre>").append(escape(ThroughputTables.ratioTable(rows) + "\n" + ThroughputTables.engineTable(rows)))
                .append("</pre>\n</body></html>\n");
        return b.toString();
    }

    /** One group of bars per workload: each engine's median over the rounds, scaled to the group's largest. */
    private static void chart(StringBuilder b, List<ThroughputRun> rows, String title, ThroughputTables.Metric metric,
            String fmt) {
        int barH = 18;
        int labelW = 90;
        int maxW = 420;
        List<Engine> engines = Arrays.stream(Engine.values())
                .filter(e -> rows.stream().anyMatch(r -> r.engine() == e)).toList();
        List<Workload> workloads = Arrays.stream(Workload.values())
                .filter(w -> rows.stream().anyMatch(r -> r.workload() == w)).toList();
        int groupH = engines.size() * barH + 12;
        int height = workloads.size() * groupH + 30;
        b.append("<h2>").append(escape(title)).append("</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelW + maxW + 180).append("\" height=\"").append(height).append("\">\n");
        int y = 10;
        for (Workload w : workloads) {
            ToDoubleFunction<Engine> median = e -> ThroughputTables.median(rows, e, w, metric::of);
            double max = engines.stream().mapToDouble(median).filter(v -> !Double.isNaN(v)).max().orElse(0);
            b.append("<text x=\"0\" y=\"").append(y + barH).append("\">").append(w.cliName()).append("</text>\n");
            for (Engine e : engines) {
                double v = median.applyAsDouble(e);
                if (Double.isNaN(v)) {
                    continue;
                }
                int width = max > 0 ? (int) Math.max(1, Math.round(maxW * v / max)) : 1;
                String color = e == Engine.QUORUMLAB ? "#2b7bb9" : "#e8833a";
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s %s</text>%n", labelW, y, width, barH - 3, color,
                        labelW + width + 5, y + barH - 6, e.cliName(), String.format(Locale.ROOT, fmt, v)));
                y += barH;
            }
            y += 12;
        }
        b.append("</svg>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Writes {@code results-DATE.csv}, then {@code .md} and {@code .html} built from the rows read
     * back from that CSV file (names end in {@code -quick} for a smoke run); returns the Markdown
     * file.
     */
    public Path write(Path benchDir, String command) throws IOException {
        Files.createDirectories(benchDir);
        String base = baseName(smokeRun);
        Path csvFile = benchDir.resolve(base + ".csv");
        Files.writeString(csvFile, csv());
        List<ThroughputRun> fromFile = ThroughputCsv.read(csvFile);
        Files.writeString(benchDir.resolve(base + ".html"), html(fromFile));
        Path md = benchDir.resolve(base + ".md");
        Files.writeString(md, markdown(command, fromFile));
        return md;
    }
}
