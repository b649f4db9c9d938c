package org.quorumlab.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;

/**
 * The CI part of the chaos suite: short seeded runs on real processes, each on its own fresh
 * cluster. A run passes only with no violation, and only if it did real work: faults injected and
 * every operation type acknowledged. The seeds are chosen so that their first steps cover every
 * kind listed; RESTART_ALL is left to the soak: the engine still expires every session after a
 * whole-cluster restart (issue 12 part 3), which this suite reports as a violation.
 */
class ChaosSuiteTest {

    static final Duration CI_CHAOS = Duration.ofSeconds(18);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @ParameterizedTest(name = "seed {0}: {1}")
    @CsvSource({
        // partition, SIGSTOP of the leader, SIGTERM restart of the leader
        "1201, RESTART PAUSE PARTITION",
        // add a 4th server by reconfig, kill -9 the leader of the 4, remove the server again
        "1209, KILL MEMBERSHIP",
    })
    void seededRunHasNoViolation(long seed, String kinds) throws Exception {
        ChaosRun.Settings settings = ChaosRun.Settings.of(seed, NemesisPlan.Kind.parse(kinds), CI_CHAOS);
        ChaosReport report = ChaosRun.run(dir.resolve("cluster"), settings, Path.of("target", "chaos"));
        System.out.print(report.text());

        assertThat(report.violations()).as("violations of seed %d", seed).isEmpty();
        assertThat(report.faults()).as("faults injected").isGreaterThan(0);
        for (OpType t : OpType.values()) {
            assertThat(report.counts().get(t).get(Outcome.OK)).as("acknowledged %s operations", t).isPositive();
        }
    }
}
