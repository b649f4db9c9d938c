package org.quorumlab.gui.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the Prometheus text exposition format into {@code name{labels} -> value}. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** Samples by series key ({@code metric} or {@code metric{label="v"}}); comments skipped. */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int end = l.indexOf('}') >= 0 ? l.indexOf('}') + 1 : l.indexOf(' ');
            if (end <= 0 || end >= l.length()) {
                continue;
            }
            String key = l.substring(0, end).trim();
            String[] rest = l.substring(end).trim().split("\\s+");
            try {
                out.put(key, Double.parseDouble(rest[0]));
            } catch (NumberFormatException e) {
                // NaN spelled differently or garbage: skip the line
            }
        }
        return out;
    }
}
