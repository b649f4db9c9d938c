package org.quorumlab.launcher.load.balancing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Policies by their command-line names. */
public final class BalancingPolicies {

    public static final String NAMES = "random|round-robin|least-latency|least-outstanding|weighted:1=3,2=1,...";

    /** Choices to offer in a picker: every policy, {@code weighted} with an example weighting. */
    public static final List<String> CHOICES =
            List.of("round-robin", "random", "least-outstanding", "least-latency", "weighted:1=3,2=1");

    private BalancingPolicies() {
    }

    /**
     * {@code random}, {@code round-robin}, {@code least-latency}, {@code least-outstanding} or
     * {@code weighted:K=W,...} where K is a 1-based position in the connect list or a
     * {@code host:port}; {@code seed} drives the random ones.
     */
    public static BalancingPolicy parse(String text, long seed) {
        String t = text.trim();
        if (t.startsWith("weighted")) {
            String rest = t.substring("weighted".length());
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw unknown(text);
            }
            return new WeightedRandomPolicy(weights(rest.isEmpty() ? "" : rest.substring(1)), new Random(seed));
        }
        return switch (t) {
            case "random" -> new RandomPolicy(new Random(seed));
            case "round-robin", "roundrobin", "rr" -> new RoundRobinPolicy();
            case "least-latency", "least-response-time" -> new LeastLatencyPolicy();
            case "least-outstanding" -> new LeastOutstandingPolicy();
            default -> throw unknown(text);
        };
    }

    private static Map<String, Double> weights(String list) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad weight '" + part + "', expected SERVER=WEIGHT, e.g. 1=3");
            }
            try {
                weights.put(part.substring(0, eq).trim(), Double.parseDouble(part.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad weight '" + part + "', expected a number after '='");
            }
        }
        return weights;
    }

    private static IllegalArgumentException unknown(String text) {
        return new IllegalArgumentException("unknown balancing policy '" + text + "', expected " + NAMES);
    }
}
