package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.quorumlab.launcher.Engine;

/**
 * Renders throughput-suite results as a Markdown report (per-engine table plus QuorumLab/ZooKeeper
 * ratios), a CSV file and a self-contained HTML page with inline SVG bar charts.
 */
public final class ThroughputReport {

    private final List<ThroughputBenchmark.Result> results;
    private final ThroughputSpec spec;
    private final String machine;
    private final String load;

    public ThroughputReport(List<ThroughputBenchmark.Result> results, ThroughputSpec spec, String machine,
            String load) {
        this.results = List.copyOf(results);
        this.spec = spec;
        this.machine = machine;
        this.load = load;
    }

    /** {@code /proc/loadavg}'s three load averages, or "n/a". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private List<ThroughputBenchmark.Row> rows() {
        List<ThroughputBenchmark.Row> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.rows()));
        return all;
    }

    private Optional<ThroughputBenchmark.Row> row(Engine e, Workload w) {
        return rows().stream().filter(r -> r.engine() == e && r.workload() == w).findFirst();
    }

    public String settings() {
        return String.format(Locale.ROOT, "3 nodes per engine, fsync on (ZooKeeper forceSync=yes, QuorumLab SQLite "
                + "synchronous=FULL), tickTime %d ms for both, same node JVM options (%s), data dirs under one "
                + "temp dir; %d client sessions × %d outstanding async requests, %d-byte values, %d keys per client; "
                + "%d s of writes to prime fresh JVMs, then %d s warm-up + %d s measured per workload; watch fan-out: "
                + "%d sessions × %d watches",
                ThroughputBenchmark.TICK_TIME_MS, nodeJvmOptions(), spec.clients(),
                spec.outstandingPerClient(), spec.valueSize(), spec.keysPerClient(), spec.priming().toSeconds(),
                spec.warmup().toSeconds(),
                spec.duration().toSeconds(), spec.watchSessions(), spec.watchesPerSession());
    }

    private static String nodeJvmOptions() {
        String env = System.getenv("QUORUMLAB_NODE_JAVA_OPTS");
        return env == null || env.isBlank() ? "-Xmx512m -XX:+UseSerialGC" : env.trim();
    }

    public String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| workload | engine | ops/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | server CPU % "
                + "| CPU µs/op | RSS MiB (3 nodes) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Workload w : Workload.values()) {
            for (ThroughputBenchmark.Result r : results) {
                row(r.engine(), w).ifPresent(x -> b.append(String.format(Locale.ROOT,
                        "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %d | %.0f | %.0f | %.0f |%n", w.cliName(),
                        x.engine().cliName(), x.opsPerSec(), x.p50Ms(), x.p99Ms(), x.p999Ms(), x.maxMs(), x.errors(),
                        x.cpuPercent(), x.cpuMicrosPerOp(), x.rssMiB())));
            }
        }
        return b.toString();
    }

    /** Ratios QuorumLab / ZooKeeper; empty when both engines did not run. */
    public String ratioTable() {
        StringBuilder b = new StringBuilder();
        b.append("| workload | throughput (higher is better) | p50 | p99 | p99.9 (lower is better) | CPU µs/op "
                + "| RSS |\n|---|---:|---:|---:|---:|---:|---:|\n");
        boolean any = false;
        for (Workload w : Workload.values()) {
            var q = row(Engine.QUORUMLAB, w);
            var z = row(Engine.ZOOKEEPER, w);
            if (q.isEmpty() || z.isEmpty()) {
                continue;
            }
            any = true;
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", w.cliName(),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::opsPerSec),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::p50Ms),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::p99Ms),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::p999Ms),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::cpuMicrosPerOp),
                    ratio(q.get(), z.get(), ThroughputBenchmark.Row::rssMiB)));
        }
        return any ? b.toString() : "";
    }

    private static String ratio(ThroughputBenchmark.Row q, ThroughputBenchmark.Row z,
            ToDoubleFunction<ThroughputBenchmark.Row> metric) {
        double a = metric.applyAsDouble(q);
        double c = metric.applyAsDouble(z);
        return c > 0 ? String.format(Locale.ROOT, "%.2f×", a / c) : "n/a";
    }

    public String markdown(String command) {
        StringBuilder b = new StringBuilder("# Throughput and latency: QuorumLab vs Apache ZooKeeper 3.9.3\n\n");
        b.append("Date: ").append(LocalDate.now()).append("  \nMachine: ").append(machine)
                .append("  \nLoad average (1/5/15 min) ").append(load).append("  \nCommand: `").append(command)
                .append("`  \nSettings: ").append(settings()).append("\n\n");
        b.append(markdownTable()).append('\n');
        String ratios = ratioTable();
        if (!ratios.isEmpty()) {
            b.append("## Ratios QuorumLab / ZooKeeper\n\n").append(ratios).append('\n');
        }
        b.append("## Acknowledged writes read back\n\n");
        for (ThroughputBenchmark.Result r : results) {
            b.append("- ").append(r.engine().cliName()).append(": ").append(r.verificationText()).append('\n');
        }
        b.append("\nLatency: async call to callback in the client JVM (watch: writer's setData call to the "
                + "notification at each watcher). Server CPU: utime+stime of the three node processes over the "
                + "measured window, in % of one core. RSS: sum of the three nodes' VmRSS at the window's end.\n");
        return b.toString();
    }

    public String csv() {
        StringBuilder b = new StringBuilder("date,engine,workload,seconds,ops,errors,ops_per_sec,p50_ms,p99_ms,"
                + "p999_ms,max_ms,server_cpu_seconds,server_cpu_percent,cpu_us_per_op,rss_mib\n");
        for (ThroughputBenchmark.Row x : rows()) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%.3f,%d,%d,%.1f,%.3f,%.3f,%.3f,%.3f,%.2f,%.1f,%.1f,%.1f%n",
                    LocalDate.now(), x.engine().cliName(), x.workload().cliName(), x.seconds(), x.ops(), x.errors(),
                    x.opsPerSec(), x.p50Ms(), x.p99Ms(), x.p999Ms(), x.maxMs(), x.cpuSeconds(), x.cpuPercent(),
                    x.cpuMicrosPerOp(), x.rssMiB()));
        }
        return b.toString();
    }

    /** A self-contained page: one SVG bar chart per metric, bars scaled per workload. */
    public String html() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>QuorumLab vs ZooKeeper " + LocalDate.now() + "</title><style>body{font-family:sans-serif;"
                + "margin:2em}svg text{font-size:12px}</style></head><body>\n");
        b.append("<h1>QuorumLab vs Apache ZooKeeper: throughput and latency</h1>\n<p>")
                .append(escape(LocalDate.now() + " · " + machine + " · load average " + load)).append("</p>\n<p>")
                .append(escape(settings())).append("</p>\n");
        chart(b, "Throughput (ops/s, higher is better)", ThroughputBenchmark.Row::opsPerSec, "%.0f");
        chart(b, "p50 latency (ms, lower is better)", ThroughputBenchmark.Row::p50Ms, "%.2f");
        chart(b, "p99 latency (ms, lower is better)", ThroughputBenchmark.Row::p99Ms, "%.2f");
        chart(b, "p99.9 latency (ms, lower is better)", ThroughputBenchmark.Row::p999Ms, "%.2f");
        chart(b, "Server CPU per operation (µs, lower is better)", ThroughputBenchmark.Row::cpuMicrosPerOp, "%.0f");
        b.append("<pre>").append(escape(markdownTable())).append("</pre>\n</body></html>\n");
        return b.toString();
    }

    private void chart(StringBuilder b, String title, ToDoubleFunction<ThroughputBenchmark.Row> metric, String fmt) {
        int barH = 18;
        int labelW = 90;
        int maxW = 420;
        List<Workload> workloads = new ArrayList<>();
        for (Workload w : Workload.values()) {
            if (results.stream().anyMatch(r -> row(r.engine(), w).isPresent())) {
                workloads.add(w);
            }
        }
        int groupH = results.size() * barH + 12;
        int height = workloads.size() * groupH + 30;
        b.append("<h2>").append(escape(title)).append("</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelW + maxW + 180).append("\" height=\"").append(height).append("\">\n");
        int y = 10;
        for (Workload w : workloads) {
            double max = results.stream().flatMap(r -> row(r.engine(), w).stream()).mapToDouble(metric).max().orElse(0);
            b.append("<text x=\"0\" y=\"").append(y + barH).append("\">").append(w.cliName()).append("</text>\n");
            for (ThroughputBenchmark.Result r : results) {
                var x = row(r.engine(), w);
                if (x.isEmpty()) {
                    continue;
                }
                double v = metric.applyAsDouble(x.get());
                int width = max > 0 ? (int) Math.max(1, Math.round(maxW * v / max)) : 1;
                String color = r.engine() == Engine.QUORUMLAB ? "#2b7bb9" : "#e8833a";
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                        + "<text x=\"%d\" y=\"%d\">%s %s</text>%n", labelW, y, width, barH - 3, color,
                        labelW + width + 5, y + barH - 6, r.engine().cliName(), String.format(Locale.ROOT, fmt, v)));
                y += barH;
            }
            y += 12;
        }
        b.append("</svg>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Writes results-DATE.md, .csv and .html under {@code benchDir}; returns the Markdown file. */
    public Path write(Path benchDir, String command) throws IOException {
        Files.createDirectories(benchDir);
        String base = "results-" + LocalDate.now();
        Files.writeString(benchDir.resolve(base + ".csv"), csv());
        Files.writeString(benchDir.resolve(base + ".html"), html());
        Path md = benchDir.resolve(base + ".md");
        Files.writeString(md, markdown(command));
        return md;
    }
}
