package org.quorumlab.launcher.autoscale;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quorumlab.launcher.load.DurationText;

/**
 * A parsed {@code --autoscale} option: which policy with which parameters, and how often the
 * {@link AutoScaler} polls.
 *
 * @param policy       the decision function with its parameters
 * @param pollInterval time between two observations
 */
public record AutoScalerSpec(ScalingPolicy policy, Duration pollInterval) {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    public static final String SYNTAX = "load:hi=OPS,lo=OPS[,min=3][,max=7][,cooldown=30s] | failure[:after=10s]"
            + "[,cooldown=10s] | target:size=N[,cooldown=0s]   (each also takes ,poll=2s)";

    public AutoScalerSpec {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("autoscale: poll interval must be positive");
        }
    }

    /**
     * Parses {@code load:hi=5000,lo=500,min=3,max=7}, {@code failure:after=10s} or
     * {@code target:size=5}, each optionally with {@code cooldown=DURATION} and {@code poll=DURATION}.
     * {@code hi}/{@code lo} are client ops/s per serving server. Throws
     * {@link IllegalArgumentException} with a one-line message on bad input.
     */
    public static AutoScalerSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        Map<String, String> p = params(colon < 0 ? "" : t.substring(colon + 1), text);
        Duration poll = p.containsKey("poll") ? duration(p, "poll") : DEFAULT_POLL;
        ScalingPolicy policy = switch (kind) {
            case "load" -> {
                allow(p, kind, Set.of("hi", "lo", "min", "max", "cooldown", "poll"));
                yield new LoadBasedPolicy(number(p, "hi", null), number(p, "lo", null), (int) number(p, "min", 3.0),
                        (int) number(p, "max", 7.0), durationOr(p, "cooldown", LoadBasedPolicy.DEFAULT_COOLDOWN));
            }
            case "failure" -> {
                allow(p, kind, Set.of("after", "cooldown", "poll"));
                yield new FailureBasedPolicy(durationOr(p, "after", Duration.ofSeconds(10)),
                        durationOr(p, "cooldown", FailureBasedPolicy.DEFAULT_COOLDOWN));
            }
            case "target" -> {
                allow(p, kind, Set.of("size", "cooldown", "poll"));
                yield new TargetSizePolicy((int) number(p, "size", null),
                        durationOr(p, "cooldown", TargetSizePolicy.DEFAULT_COOLDOWN));
            }
            default -> throw new IllegalArgumentException("unknown autoscale policy '" + kind + "', expected " + SYNTAX);
        };
        return new AutoScalerSpec(policy, poll);
    }

    /** The text {@link #parse} reads back into an equal spec. */
    public String describe() {
        return policy.describe() + ",poll=" + DurationText.format(pollInterval);
    }

    private static Map<String, String> params(String list, String text) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("autoscale: bad parameter '" + part + "' in '" + text
                        + "', expected NAME=VALUE");
            }
            if (p.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("autoscale: parameter '" + part.substring(0, eq).trim()
                        + "' given twice");
            }
        }
        return p;
    }

    private static void allow(Map<String, String> p, String kind, Set<String> names) {
        for (String k : p.keySet()) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException("autoscale " + kind + ": unknown parameter '" + k + "', expected "
                        + SYNTAX);
            }
        }
    }

    private static double number(Map<String, String> p, String name, Double fallback) {
        String v = p.get(name);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("autoscale: missing " + name + "=..., expected " + SYNTAX);
            }
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("autoscale: " + name + " expects a number, got '" + v + "'");
        }
    }

    private static Duration duration(Map<String, String> p, String name) {
        try {
            return DurationText.parse(p.get(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("autoscale: " + name + ": " + e.getMessage());
        }
    }

    private static Duration durationOr(Map<String, String> p, String name, Duration fallback) {
        return p.containsKey(name) ? duration(p, name) : fallback;
    }
}
