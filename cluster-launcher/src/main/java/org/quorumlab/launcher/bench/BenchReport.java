package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Formats benchmark figures as a Markdown table (median / p90 / max) and writes them under bench/. */
public final class BenchReport {

    private BenchReport() {
    }

    public static String failoverTable(List<FailoverBenchmark.Result> results, String machine) {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ").append(machine).append("  \nDate: ").append(LocalDate.now()).append("\n\n");
        b.append("| engine | kill -9 leader → first write: runs | median ms | p90 ms | max ms "
                + "| add-server reconfig: runs | median ms | max ms |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (FailoverBenchmark.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |%n", r.engine().cliName(),
                    r.failoverMillis().size(), percentile(r.failoverMillis(), 50), percentile(r.failoverMillis(), 90),
                    percentile(r.failoverMillis(), 100), r.reconfigMillis().size(), percentile(r.reconfigMillis(), 50),
                    percentile(r.reconfigMillis(), 100)));
        }
        return b.toString();
    }

    /**
     * The client's view of the kill runs: longest write gap of a session that stays on a surviving
     * server, and of a session that was on the killed leader, with their errors.
     */
    public static String clientViewTable(List<FailoverBenchmark.Result> results) {
        StringBuilder b = new StringBuilder();
        b.append("| engine | runs | writer on a survivor: longest gap median ms | p90 | max | errors (all runs) "
                + "| writer on the killed leader: longest gap median ms | p90 | max | errors (all runs) |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FailoverBenchmark.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
                    r.engine().cliName(), r.survivorGapMillis().size(), percentile(r.survivorGapMillis(), 50),
                    percentile(r.survivorGapMillis(), 90), percentile(r.survivorGapMillis(), 100),
                    r.survivorErrors().stream().mapToInt(Integer::intValue).sum(), percentile(r.movedGapMillis(), 50),
                    percentile(r.movedGapMillis(), 90), percentile(r.movedGapMillis(), 100),
                    r.movedErrors().stream().mapToInt(Integer::intValue).sum()));
        }
        return b.toString();
    }

    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public static Path write(Path benchDir, String name, String markdown) throws IOException {
        Files.createDirectories(benchDir);
        Path file = benchDir.resolve(name + "-" + LocalDate.now() + ".md");
        Files.writeString(file, markdown);
        return file;
    }

    /** A one-line description of this machine for reports. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux: keep the generic description
        }
        return String.format(Locale.ROOT, "%d cores (%s), %d MiB max heap per JVM, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version());
    }
}
