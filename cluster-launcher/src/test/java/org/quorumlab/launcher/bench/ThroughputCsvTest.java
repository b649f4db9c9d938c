package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.Engine;

/**
 * The raw per-run CSV is the record the report's tables come from: written and read back it must
 * give the same rows, and so the same tables, down to the last printed digit.
 */
class ThroughputCsvTest {

    @TempDir
    Path dir;

    /**
     * Three rounds of two engines on two workloads, with values a rounded CSV would change: a p99
     * just below a rounding edge of the tables' two decimals, many-digit window lengths, an unknown
     * load average and start time.
     */
    static List<ThroughputBenchmark.Result> threeRounds() {
        List<ThroughputBenchmark.Result> results = new ArrayList<>();
        Instant t = Instant.parse("2026-12-04T10:15:30.123Z");
        for (int round = 1; round <= 3; round++) {
            for (Engine e : Engine.values()) {
                List<ThroughputRun> runs = new ArrayList<>();
                for (Workload w : List.of(Workload.WRITE, Workload.MIXED)) {
                    boolean ql = e == Engine.QUORUMLAB;
                    boolean unknownLoad = round == 2 && !ql;
                    runs.add(new ThroughputRun(round, e, w, unknownLoad ? null : t,
                            unknownLoad ? Double.NaN : 0.63 * round, unknownLoad ? Double.NaN : 1.07,
                            30.000123456789 + round, (ql ? 350_001L : 300_007L) * round, round - 1, 0.1234567 * round, 2.0049999999 + w.ordinal(), 7.3 / 3, 123.456, 12.34 + round,
                            1476.23046875 - round));
                    t = t.plusSeconds(37);
                }
                results.add(new ThroughputBenchmark.Result(e, round, runs, null));
            }
        }
        return results;
    }

    private static List<ThroughputRun> rows(List<ThroughputBenchmark.Result> results) {
        return results.stream().flatMap(r -> r.runs().stream()).toList();
    }

    @Test
    void rowsReadBackEqualTheRowsWritten() {
        List<ThroughputRun> rows = rows(threeRounds());
        String csv = ThroughputCsv.write(rows);

        assertThat(csv.lines()).hasSize(1 + 12).first().isEqualTo(ThroughputCsv.HEADER);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith("1,quorumlab,write,2026-12-04T10:15:30.123Z,0.63,1.07,31.000123456789,350001,0,11290.3,");
        assertThat(csv).contains(",zookeeper,write,,,,").as("unknown values are empty cells");
        assertThat(ThroughputCsv.parse(csv)).isEqualTo(rows);
    }

    @Test
    void tablesBuiltFromTheCsvEqualTablesBuiltFromTheRuns() throws Exception {
        List<ThroughputBenchmark.Result> results = threeRounds();
        ThroughputReport report = new ThroughputReport(results, ThroughputSpec.full(), "test machine",
                "0.10 0.20 0.30 before", false);
        List<ThroughputRun> parsed = ThroughputCsv.parse(report.csv());

        assertThat(report.markdown("quorumlab bench", parsed)).isEqualTo(report.markdown("quorumlab bench"));
        assertThat(ThroughputTables.ratioTable(parsed)).isEqualTo(report.ratioTable()).isNotEmpty();

        Path md = report.write(dir, "quorumlab bench");
        String base = ThroughputReport.baseName(false);
        assertThat(md).hasFileName(base + ".md");
        assertThat(Files.readString(md)).isEqualTo(report.markdown("quorumlab bench"));
        assertThat(ThroughputCsv.read(dir.resolve(base + ".csv"))).isEqualTo(rows(results));
        assertThat(Files.readString(dir.resolve(base + ".html"))).isEqualTo(report.html());
    }

    @Test
    void aCsvWithoutAMeasuredColumnOrWithARaggedLineIsRefusedWithItsLine() {
        String csv = ThroughputCsv.write(rows(threeRounds()));
        String noRss = csv.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce("", (a, b) -> a + b + "\n");
        assertThatThrownBy(() -> ThroughputCsv.parse(noRss)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'rss_mib'");
        String ragged = csv.replaceFirst("\n1,quorumlab,write,", "\n1,quorumlab,");
        assertThatThrownBy(() -> ThroughputCsv.parse(ragged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("CSV line 2 ");
        assertThatThrownBy(() -> ThroughputCsv.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadAverageIsParsedFromProcLoadavg() {
        LoadAverage load = LoadAverage.parse("0.52 1.58 2.59 1/467 12345\n");
        assertThat(load).isEqualTo(new LoadAverage(0.52, 1.58, 2.59));
        assertThat(load.text()).isEqualTo("0.52 1.58 2.59");
        assertThat(new LoadAverage(Double.NaN, Double.NaN, Double.NaN).text()).isEqualTo("n/a");
    }
}
