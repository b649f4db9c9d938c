package org.quorumlab.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long chaos run ({@code mvn verify -Psoak}; not part of the default build): seeded runs of
 * {@code quorumlab.chaos.runSeconds} (default 120) back to back, seeds {@code base, base+1, ...},
 * until {@code quorumlab.chaos.soakMinutes} have passed, then {@code chaos-soak-<date>.md} in
 * {@code quorumlab.chaos.reportDir}. With {@code soakMinutes} 0 it replays exactly one run of
 * {@code quorumlab.chaos.seed} (and {@code quorumlab.chaos.kinds}, default all).
 */
class ChaosSoakTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void soak() throws Exception {
        long minutes = Long.getLong("quorumlab.chaos.soakMinutes", 0);
        long base = Long.getLong("quorumlab.chaos.seed", System.currentTimeMillis() % 1_000_000);
        Duration runLength = Duration.ofSeconds(Long.getLong("quorumlab.chaos.runSeconds", 120));
        Set<NemesisPlan.Kind> kinds = NemesisPlan.Kind.parse(System.getProperty("quorumlab.chaos.kinds", ""));
        Path reportDir = Path.of(System.getProperty("quorumlab.chaos.reportDir", "target/chaos"));
        System.out.println("CHAOS soak: base seed " + base + ", " + minutes + " min, runs of " + runLength.toSeconds()
                + " s, kinds " + kinds);

        String loadAtStart = SoakReport.loadAverage();
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        List<ChaosReport> runs = new ArrayList<>();
        List<String> aborted = new ArrayList<>();
        long seed = base;
        do {
            ChaosRun.Settings settings = ChaosRun.Settings.of(seed, kinds, runLength);
            try {
                ChaosReport report = ChaosRun.run(dir.resolve("run-" + seed), settings, Path.of("target", "chaos"));
                System.out.print(report.text());
                runs.add(report);
            } catch (Exception | AssertionError e) {
                aborted.add("seed " + seed + ": " + e);
                System.out.println("CHAOS seed " + seed + " aborted: " + e);
            }
            seed++;
        } while (System.nanoTime() < end);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (minutes > 0) {
            Path file = SoakReport.write(reportDir, base, elapsed, loadAtStart, runs, aborted);
            System.out.println("CHAOS soak report: " + file.toAbsolutePath());
        }
        assertThat(aborted).as("aborted runs").isEmpty();
        assertThat(runs).allSatisfy(r -> assertThat(r.violations()).as("violations of seed %d", r.settings().seed())
                .isEmpty());
    }
}
