package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quorumlab.launcher.Engine;

/**
 * The raw per-run CSV of the throughput suite: one line per engine × workload × round, in the order
 * the runs happened. It is the record a report's tables are computed from ({@link ThroughputTables}),
 * so README tables can be regenerated from the committed file.
 *
 * <p>Measured values are written exactly (the shortest decimal that reads back as the same double),
 * so {@code parse(write(runs))} equals {@code runs} and tables built from either are identical. An
 * unknown value (load average off Linux) is an empty cell. The derived columns
 * ({@code ops_per_sec}, {@code cpu_percent}, {@code cpu_us_per_op}) are there for spreadsheets and
 * scripts; {@link #parse} recomputes them from the measured ones instead of trusting them.
 */
public final class ThroughputCsv {

    static final List<String> COLUMNS = List.of("round", "engine", "workload", "started_at", "load1_before",
            "load5_before", "seconds", "ops", "errors", "ops_per_sec", "p50_ms", "p99_ms", "p999_ms", "max_ms",
            "cpu_seconds", "cpu_percent", "cpu_us_per_op", "rss_mib");
    static final String HEADER = String.join(",", COLUMNS);

    private ThroughputCsv() {
    }

    public static String write(List<ThroughputRun> runs) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (ThroughputRun r : runs) {
            List<String> cells = List.of(Integer.toString(r.round()), r.engine().cliName(), r.workload().cliName(),
                    r.startedAt() == null ? "" : r.startedAt().toString(), number(r.load1Before()),
                    number(r.load5Before()), number(r.seconds()), Long.toString(r.ops()), Long.toString(r.errors()),
                    String.format(Locale.ROOT, "%.1f", r.opsPerSec()), number(r.p50Ms()), number(r.p99Ms()),
                    number(r.p999Ms()), number(r.maxMs()), number(r.cpuSeconds()),
                    String.format(Locale.ROOT, "%.1f", r.cpuPercent()),
                    String.format(Locale.ROOT, "%.1f", r.cpuMicrosPerOp()), number(r.rssMiB()));
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    /** Reads the runs back; columns are found by header name, so added columns do not break old readers. */
    public static List<ThroughputRun> parse(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty CSV: expected the header " + HEADER);
        }
        Map<String, Integer> index = new HashMap<>();
        String[] header = lines.get(0).trim().split(",", -1);
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].trim(), i);
        }
        for (String c : COLUMNS) {
            if (!index.containsKey(c)) {
                throw new IllegalArgumentException("CSV has no column '" + c + "' (expected the header " + HEADER
                        + ")");
            }
        }
        List<ThroughputRun> runs = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("CSV line " + (n + 1) + " has " + cells.length
                        + " cells, the header " + header.length);
            }
            try {
                runs.add(row(new Cells(cells, index)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("CSV line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return runs;
    }

    public static List<ThroughputRun> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static ThroughputRun row(Cells c) {
        String started = c.text("started_at");
        return new ThroughputRun(Integer.parseInt(c.text("round")), Engine.parse(c.text("engine")),
                Workload.parse(c.text("workload")), started.isEmpty() ? null : Instant.parse(started),
                c.decimal("load1_before"), c.decimal("load5_before"), c.decimal("seconds"),
                Long.parseLong(c.text("ops")), Long.parseLong(c.text("errors")), c.decimal("p50_ms"),
                c.decimal("p99_ms"), c.decimal("p999_ms"), c.decimal("max_ms"), c.decimal("cpu_seconds"),
                c.decimal("rss_mib"));
    }

    /**
     * A double written so it reads back as the same double ({@code Double.toString}'s shortest
     * digits, never in exponent form, trailing zeros dropped); empty for NaN (unknown).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** One line's cells, looked up by column name. */
    private record Cells(String[] cells, Map<String, Integer> index) {
        String text(String column) {
            return cells[index.get(column)].trim();
        }

        double decimal(String column) {
            String t = text(column);
            return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
        }
    }
}
