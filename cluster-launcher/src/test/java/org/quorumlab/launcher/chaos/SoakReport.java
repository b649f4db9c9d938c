package org.quorumlab.launcher.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;

/** Writes a soak's runs as {@code chaos-soak-<date>.md}: a summary table with every seed, then each run. */
final class SoakReport {

    private SoakReport() {
    }

    static Path write(Path dir, long baseSeed, Duration elapsed, String loadAtStart, List<ChaosReport> runs,
            List<String> aborted) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("chaos-soak-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        Files.writeString(file, markdown(baseSeed, elapsed, loadAtStart, runs, aborted), StandardCharsets.UTF_8);
        return file;
    }

    /** {@code /proc/loadavg}'s three load averages, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String markdown(long baseSeed, Duration elapsed, String loadAtStart, List<ChaosReport> runs,
            List<String> aborted) {
        StringBuilder b = new StringBuilder();
        long violations = runs.stream().mapToLong(r -> r.violations().size()).sum();
        b.append("# Chaos soak, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n");
        b.append("`mvn verify -Psoak` (cluster-launcher `ChaosSoakTest`): ").append(runs.size())
                .append(" seeded runs back to back in ").append(elapsed.toMinutes()).append(" min, base seed ")
                .append(baseSeed).append(", on a fresh 3-node QuorumLab cluster of processes each (tickTime 200), ")
                .append("official ZooKeeper 3.9.3 clients. Result: **").append(violations == 0 && aborted.isEmpty()
                        ? "no violations" : violations + " violations, " + aborted.size() + " aborted runs")
                .append("**.\n\n");
        b.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(", Java ").append(System.getProperty("java.version")).append("; load average (1/5/15 min) ")
                .append(loadAtStart).append(" at the start, ").append(loadAverage()).append(" at the end.\n\n");
        b.append("Replay one run: `mvn -o -pl engine,cluster-launcher -am verify -Dtest=ChaosSoakTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dquorumlab.chaos.seed=SEED -Dquorumlab.chaos.kinds=KINDS "
                + "-Dquorumlab.chaos.runSeconds=S` (the nemesis schedule and each client's operation choices "
                + "come from the seed; timing does not).\n\n");
        b.append("| seed | kinds | faults | s | ok | fail | indeterminate | violations |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (ChaosReport r : runs) {
            b.append("| ").append(r.settings().seed()).append(" | ")
                    .append(r.settings().kinds().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .append(" | ").append(r.faults()).append(" | ").append(r.totalMillis() / 1000).append(" | ")
                    .append(r.total(Outcome.OK)).append(" | ").append(r.total(Outcome.FAIL)).append(" | ")
                    .append(r.total(Outcome.INDETERMINATE)).append(" | ").append(r.violations().size()).append(" |\n");
        }
        if (!aborted.isEmpty()) {
            b.append("\nAborted runs:\n\n");
            aborted.forEach(a -> b.append("- ").append(a).append('\n'));
        }
        b.append("\n## Runs\n\n");
        runs.forEach(r -> b.append(r.markdown()));
        return b.toString();
    }
}
