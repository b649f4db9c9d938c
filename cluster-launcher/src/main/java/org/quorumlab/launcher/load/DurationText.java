package org.quorumlab.launcher.load;

import java.time.Duration;
import java.util.Locale;

/** Durations as written on the command line: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
public final class DurationText {

    private DurationText() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            } else if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            } else if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "', expected e.g. 500ms, 30s, 2m");
        }
    }

    /** {@code 1.5s}, {@code 250ms}: the short form used in messages. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms < 1000 ? ms + "ms" : ms / 1000.0 + "s";
    }
}
