package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.Engine;

/** Ratios pair the runs of one round; medians, ranges and gaps come out of the rows alone. */
class ThroughputTablesTest {

    private static ThroughputRun run(int round, Engine e, Workload w, long opsIn10s, double p50, double load1) {
        return new ThroughputRun(round, e, w, Instant.parse("2026-12-04T10:00:00Z").plusSeconds(60L * round), load1,
                load1 / 2, 10, opsIn10s, 0, p50, 2 * p50, 3 * p50, 4 * p50, 1, 1000);
    }

    /**
     * write: QuorumLab 3000, 2000, 4500 ops/s against ZooKeeper's 2000 each → 1.50, 1.00, 2.25.
     * read: ZooKeeper did nothing in round 2 and has no round-3 run → one ratio only.
     */
    private static List<ThroughputRun> rows() {
        List<ThroughputRun> rows = new ArrayList<>();
        long[] ql = {30_000, 20_000, 45_000};
        for (int round = 1; round <= 3; round++) {
            rows.add(run(round, Engine.QUORUMLAB, Workload.WRITE, ql[round - 1], 2, 0.5 * round));
            rows.add(run(round, Engine.ZOOKEEPER, Workload.WRITE, 20_000, 4, 0.5 * round));
            rows.add(run(round, Engine.QUORUMLAB, Workload.READ, 60_000, 1, 0.5 * round));
            if (round < 3) {
                rows.add(run(round, Engine.ZOOKEEPER, Workload.READ, round == 2 ? 0 : 30_000, round == 2 ? 0 : 2, 1));
            }
        }
        return rows;
    }

    @Test
    void ratioTableQuotesTheMedianWithItsRange() {
        String table = ThroughputTables.ratioTable(rows());
        assertThat(table).contains("| write | 1.50× (1.00–2.25) | 0.50× (0.50–0.50) |");
        assertThat(table).as("one defined round: no spread").contains("| read | 2.00× | 0.50× |");
    }

    @Test
    void roundsTableShowsEveryRoundAndMarksTheOnesWithoutARatio() {
        String table = ThroughputTables.ratioRoundsTable(rows());
        assertThat(table).contains("| workload | metric | round 1 | round 2 | round 3 | median | min–max |");
        assertThat(table).contains("| write | throughput | 1.50 | 1.00 | 2.25 | 1.50 | 1.00–2.25 |");
        assertThat(table).contains("| read | throughput | 2.00 | n/a | n/a | 2.00 | 2.00–2.00 |");
        assertThat(table).contains("| read | p50 | 0.50 | n/a | n/a | 0.50 | 0.50–0.50 |");
    }

    @Test
    void engineTableTakesEachEnginesMedianAndRunTableKeepsTheLoad() {
        String engines = ThroughputTables.engineTable(rows());
        assertThat(engines).contains("| write | quorumlab | 3000 | 2.00 | 4.00 | 6.00 | 8.0 | 0 | 10 | 33 | 1000 |");
        // ZooKeeper's read: 3000 and 0 ops/s → 1500; its latencies only from the round that had operations
        assertThat(engines).contains("| read | zookeeper | 1500 | 2.00 | 4.00 | 6.00 | 8.0 | 0 |");

        String runs = ThroughputTables.runTable(rows());
        assertThat(runs.lines()).hasSize(2 + rows().size());
        assertThat(runs).contains("| 3 | quorumlab | write | 2026-12-04T10:03:00Z | 1.50 / 0.75 | 4500 |");
        assertThat(runs).contains("| 2 | zookeeper | read | 2026-12-04T10:02:00Z | 1.00 / 0.50 | 0 | n/a |");
    }

    @Test
    void oneEngineAloneHasNoRatios() {
        List<ThroughputRun> onlyQl = rows().stream().filter(r -> r.engine() == Engine.QUORUMLAB).toList();
        assertThat(ThroughputTables.ratioTable(onlyQl)).isEmpty();
        assertThat(ThroughputTables.ratioRoundsTable(onlyQl)).isEmpty();
        assertThat(ThroughputTables.engineTable(onlyQl)).contains("| read | quorumlab | 6000 |");
    }
}
