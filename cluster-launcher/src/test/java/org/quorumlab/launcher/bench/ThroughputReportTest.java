package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.Engine;

class ThroughputReportTest {

    @Test
    void histogramPercentilesAreWithinTheBucketError() {
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        for (int us = 1; us <= 10_000; us++) {
            (us % 2 == 0 ? a : b).record(us);
        }
        a.add(b);
        assertThat(a.count()).isEqualTo(10_000);
        assertThat(a.quantileMillis(0.5)).isCloseTo(5.0, within(5.0 * 0.04));
        assertThat(a.quantileMillis(0.99)).isCloseTo(9.9, within(9.9 * 0.04));
        assertThat(a.quantileMillis(1.0)).isGreaterThanOrEqualTo(10.0);
        assertThat(new LogHistogram().quantileMillis(0.99)).isZero();
    }

    @Test
    void valuesCarryTheirSequenceNumber() {
        assertThat(LoadDriver.sequenceOf("12:4711;xxxxxxxx".getBytes(StandardCharsets.US_ASCII))).isEqualTo(4711);
    }

    @Test
    void reportShowsRatiosCsvAndChart() {
        var q = new ThroughputRun(1, Engine.QUORUMLAB, Workload.WRITE, null, Double.NaN, Double.NaN, 10, 30_000, 0, 2,
                8, 12, 20, 5, 900);
        var z = new ThroughputRun(1, Engine.ZOOKEEPER, Workload.WRITE, null, Double.NaN, Double.NaN, 10, 20_000, 1, 4,
                16, 24, 30, 5, 600);
        ThroughputReport report = new ThroughputReport(List.of(
                new ThroughputBenchmark.Result(Engine.QUORUMLAB, 1, List.of(q), null),
                new ThroughputBenchmark.Result(Engine.ZOOKEEPER, 1, List.of(z), null)),
                ThroughputSpec.quick(), "test machine", "0.00 0.00 0.00", true);
        assertThat(report.ratioTable()).contains("| write | 1.50× | 0.50× | 0.50× | 0.50× | 0.67× | 1.50× |");
        assertThat(report.markdownTable()).contains("| write | quorumlab | 3000 | 2.00 | 8.00 | 12.00 | 20.0 | 0 | 50 | 167 | 900 |");
        assertThat(report.csv().lines()).hasSize(3).first().asString().startsWith("round,engine,workload");
        assertThat(report.html()).contains("<svg").contains("quorumlab 3000").contains("zookeeper 2000");
        assertThat(report.markdown("quorumlab bench")).contains("not run")
                .contains("Smoke run (`--quick`): not a valid comparison");
    }

    @Test
    void headerStatesTheAlternationAndTheSourceOfItsTables() {
        ThroughputReport report = new ThroughputReport(ThroughputCsvTest.threeRounds(), ThroughputSpec.full(),
                "test machine", "0.00 0.00 0.00", false);
        assertThat(report.markdown("quorumlab bench"))
                .contains("Method: 3 rounds. Each round runs QuorumLab, then ZooKeeper, each on a freshly started")
                .contains("(ABAB)").contains("`quorumlab bench tables FILE.csv`")
                .contains("## Ratios QuorumLab / ZooKeeper: median over the rounds (min–max)")
                .contains("- round 3 zookeeper: not run")
                .doesNotContain("not a valid comparison");
        ThroughputReport oneEngine = new ThroughputReport(ThroughputCsvTest.threeRounds().stream()
                .filter(r -> r.engine() == Engine.ZOOKEEPER).toList(), ThroughputSpec.full(), "m", "l", false);
        assertThat(oneEngine.markdown("quorumlab bench --engine zookeeper"))
                .contains("Each round runs ZooKeeper, each on").doesNotContain("ABAB").doesNotContain("## Ratios");
    }
}
