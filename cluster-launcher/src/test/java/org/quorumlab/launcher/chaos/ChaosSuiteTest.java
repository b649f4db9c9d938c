package org.quorumlab.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;

/**
 * The CI part of the chaos suite: short seeded runs on real processes, each on its own fresh
 * cluster. A run passes only with no violation, and only if it did real work: faults injected and
 * every operation type acknowledged, and every kind listed injected at least once. The seeds are
 * chosen so that their first steps cover the kinds listed, and a run injects at least those steps
 * however slow the machine (one adding a server took 20 s on a loaded box, past the 18 s window). An expired session is a violation, so
 * the whole-cluster restart run (kill -9 of all three for 4.8 s, then all started at once) fails
 * unless every client keeps its session.
 */
class ChaosSuiteTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @ParameterizedTest(name = "seed {0}: {1} for {2} s, at least {3} faults")
    @CsvSource({
        // partition, SIGSTOP of the leader, SIGTERM restart of the leader
        "1201, RESTART PAUSE PARTITION, 18, 3",
        // add a 4th server by reconfig, kill -9 the leader of the 4 (then, given time, remove the server again)
        "1209, KILL MEMBERSHIP, 18, 2",
        // kill -9 of every node 1.1 s in, all started again 4.8 s later (one restart in 8 s)
        "1218, RESTART_ALL, 8, 1",
    })
    void seededRunHasNoViolation(long seed, String kinds, int chaosSeconds, int minSteps) throws Exception {
        Set<NemesisPlan.Kind> listed = NemesisPlan.Kind.parse(kinds);
        ChaosRun.Settings settings = ChaosRun.Settings.of(seed, listed, Duration.ofSeconds(chaosSeconds), minSteps);
        ChaosReport report = ChaosRun.run(dir.resolve("cluster"), settings, Path.of("target", "chaos"));
        System.out.print(report.text());

        assertThat(report.violations()).as("violations of seed %d", seed).isEmpty();
        assertThat(report.faultsByKind().keySet()).as("kinds of the faults injected").containsAll(listed);
        for (OpType t : OpType.values()) {
            assertThat(report.counts().get(t).get(Outcome.OK)).as("acknowledged %s operations", t).isPositive();
        }
    }
}
