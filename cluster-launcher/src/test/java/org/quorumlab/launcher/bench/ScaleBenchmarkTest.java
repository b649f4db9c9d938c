package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorumlab.launcher.Engine;

/**
 * {@code quorumlab bench scale} at a tiny size on real processes: every phase runs and its figures
 * are the ones the phase must produce — every znode created and counted on every node after the
 * restart, the stopped follower holding exactly the leader's count, a sync mode read from the
 * leader's log, memory and disk measured on each node — and the report shows each phase.
 */
class ScaleBenchmarkTest {

    private static final int ZNODES = 2000;
    private static final int MISSED = 500;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyPhaseRunsAndReportsWhatItMeasured(Engine engine) throws Exception {
        List<String> progress = new ArrayList<>();
        ScaleBenchmark.Result r = new ScaleBenchmark(line -> {
            progress.add(line);
            System.out.println(line); // the phases' timings in the surefire report
        }).run(dir, engine,
                ScaleBenchmark.Spec.of(ZNODES, 100, MISSED));
        String context = String.join("\n", progress);
        assertThat(r.failure()).as(context).isNull();
        assertThat(r.outOfMemory()).isEmpty();

        ScaleBenchmark.Load load = r.load();
        assertThat(load.created()).isEqualTo(ZNODES);
        assertThat(load.failed()).isZero();
        assertThat(load.millis()).isPositive();
        assertThat(load.perSecond()).isPositive();
        // the leaves, their parents and /scale, on top of what a fresh ensemble holds (/, /zookeeper, ...)
        assertThat(load.znodeCount()).isGreaterThan(ZNODES + load.parents() + 1L);

        assertThat(r.memory().rssMiB()).hasSize(3).allSatisfy((id, mib) -> assertThat(mib).isGreaterThan(10));
        assertThat(r.memory().dataDirApparentMiB()).hasSize(3).allSatisfy((id, mib) -> assertThat(mib).isPositive());
        assertThat(r.memory().dataDirMiB()).hasSize(3).allSatisfy((id, mib) -> assertThat(mib).isPositive());

        ScaleBenchmark.Restart restart = r.restart();
        assertThat(restart.perNodeMillis()).hasSize(3).allSatisfy((id, ms) -> assertThat(ms).isPositive());
        assertThat(restart.servingMillis()).isEqualTo(restart.perNodeMillis().values().stream()
                .mapToLong(Long::longValue).max().orElseThrow());
        assertThat(restart.znodeCount()).isEqualTo(load.znodeCount());
        assertThat(restart.leader()).isBetween(1L, 3L);

        ScaleBenchmark.CatchUp catchUp = r.catchUp();
        assertThat(catchUp.follower()).isNotEqualTo(catchUp.leader());
        assertThat(catchUp.created()).isEqualTo(MISSED);
        assertThat(catchUp.failed()).isZero();
        assertThat(catchUp.catchUpMillis()).isPositive();
        assertThat(catchUp.znodeCount()).isEqualTo(load.znodeCount() + MISSED);
        assertThat(catchUp.syncMode()).as("sync mode read from the leader's log\n" + context)
                .isIn("DIFF", "TRUNC", "SNAP");

        assertThat(r.loadBefore()).containsOnlyKeys("load", "restart", "catch-up");

        String report = ScaleReport.markdown(List.of(r), "test machine", "0 before, 0 after");
        assertThat(report).contains("## Load", "## Restart to serving", "## Follower catch-up",
                "## Memory after the load", "| " + engine.cliName() + " | " + ZNODES + " | 0 |",
                engine.cliName() + ": every phase ran", engine.cliName() + ",catch-up,sync_mode," + catchUp.follower()
                        + "," + catchUp.syncMode());
        assertThat(report).as("no phase left unreached").doesNotContain("—");
    }
}
