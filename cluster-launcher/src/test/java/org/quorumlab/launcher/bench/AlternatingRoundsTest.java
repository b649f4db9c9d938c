package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.Engine;

/**
 * The order of a comparison, checked on a recording {@link AlternatingRounds.EngineRound}: no
 * ensemble is started, the test sees only which engine, round and workload would run when.
 */
class AlternatingRoundsTest {

    private static final Engine QL = Engine.QUORUMLAB;
    private static final Engine ZK = Engine.ZOOKEEPER;

    /** One planned run. */
    private record Call(int round, Engine engine, Workload workload) {
    }

    /** Records every (round, engine, workload) it is asked to run and answers with empty figures. */
    private static final class RecordingRound implements AlternatingRounds.EngineRound {
        final List<Call> calls = new ArrayList<>();

        @Override
        public ThroughputBenchmark.Result run(int round, Engine engine, List<Workload> workloads) {
            List<ThroughputRun> runs = new ArrayList<>();
            for (Workload w : workloads) {
                calls.add(new Call(round, engine, w));
                runs.add(new ThroughputRun(round, engine, w, null, Double.NaN, Double.NaN, 1, 1, 0, 1, 1, 1, 1, 0, 0));
            }
            return new ThroughputBenchmark.Result(engine, round, runs, null);
        }
    }

    @Test
    void engineRoundsAlternateAbabAndEachRunsEveryWorkloadInOrder() throws Exception {
        RecordingRound recorder = new RecordingRound();
        List<ThroughputBenchmark.Result> seen = new ArrayList<>();
        List<ThroughputBenchmark.Result> results = new AlternatingRounds(3, List.of(QL, ZK),
                List.of(Workload.WRITE, Workload.READ)).run(recorder, seen::add);

        assertThat(recorder.calls).containsExactly(
                new Call(1, QL, Workload.WRITE), new Call(1, QL, Workload.READ),
                new Call(1, ZK, Workload.WRITE), new Call(1, ZK, Workload.READ),
                new Call(2, QL, Workload.WRITE), new Call(2, QL, Workload.READ),
                new Call(2, ZK, Workload.WRITE), new Call(2, ZK, Workload.READ),
                new Call(3, QL, Workload.WRITE), new Call(3, QL, Workload.READ),
                new Call(3, ZK, Workload.WRITE), new Call(3, ZK, Workload.READ));
        for (Workload w : List.of(Workload.WRITE, Workload.READ)) {
            assertThat(recorder.calls.stream().filter(c -> c.workload() == w).map(Call::engine))
                    .as("engines running " + w + ", in time order").containsExactly(QL, ZK, QL, ZK, QL, ZK);
        }
        assertThat(results).extracting(r -> r.round() + " " + r.engine().cliName())
                .containsExactly("1 quorumlab", "1 zookeeper", "2 quorumlab", "2 zookeeper", "3 quorumlab",
                        "3 zookeeper");
        assertThat(seen).as("each engine-round is handed on as soon as it is done").isEqualTo(results);
    }

    @Test
    void oneEngineStillRunsEveryRound() throws Exception {
        RecordingRound recorder = new RecordingRound();
        new AlternatingRounds(3, List.of(ZK), List.of(Workload.MIXED)).run(recorder, r -> { });
        assertThat(recorder.calls).containsExactly(new Call(1, ZK, Workload.MIXED), new Call(2, ZK, Workload.MIXED),
                new Call(3, ZK, Workload.MIXED));
    }

    @Test
    void aComparisonNeedsThreeRoundsASmokeRunOne() {
        assertThatThrownBy(() -> AlternatingRounds.requireEnoughRounds(2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> AlternatingRounds.requireEnoughRounds(0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        AlternatingRounds.requireEnoughRounds(3, false);
        AlternatingRounds.requireEnoughRounds(1, true);
        assertThatThrownBy(() -> new AlternatingRounds(0, List.of(QL), List.of(Workload.WRITE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
