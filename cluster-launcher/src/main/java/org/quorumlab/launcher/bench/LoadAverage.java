package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load averages from Linux {@code /proc/loadavg}. Every figure of a benchmark on a
 * shared machine carries the load it ran under, so a noisy run can be told from a real change.
 * Where {@code /proc/loadavg} cannot be read all three are NaN ("unknown", never 0).
 */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    public static LoadAverage read() {
        try {
            return parse(Files.readString(PROC_LOADAVG));
        } catch (IOException | RuntimeException e) {
            return new LoadAverage(Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** Parses {@code /proc/loadavg}'s text: {@code "0.52 0.58 0.59 1/467 12345"}. */
    static LoadAverage parse(String text) {
        String[] f = text.trim().split("\\s+");
        return new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    /** {@code "0.52 0.58 0.59"}, or {@code "n/a"} when unknown. */
    public String text() {
        if (Double.isNaN(oneMinute)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", oneMinute, fiveMinutes, fifteenMinutes);
    }
}
