package org.quorumlab.launcher.load.balancing;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random server with probability proportional to its weight. Weights are keyed by the server's
 * {@code host:port} or by its 1-based position in the connect list ({@code "1"}, {@code "2"}, ...,
 * as in {@code weighted:1=3,2=1,3=1}); a server without a weight has weight 1, one with weight 0
 * is never chosen unless all weights are 0 (then the choice is uniform).
 */
public final class WeightedRandomPolicy implements BalancingPolicy {

    private final Map<String, Double> weights;
    private final Random random;

    public WeightedRandomPolicy(Map<String, Double> weights, Random random) {
        weights.forEach((k, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of " + k + " must be a finite number >= 0, got " + w);
            }
        });
        this.weights = Map.copyOf(weights);
        this.random = random;
    }

    /** The weight of {@code servers.get(index)}. */
    public double weightOf(List<String> servers, int index) {
        Double w = weights.get(servers.get(index));
        if (w == null) {
            w = weights.get(Integer.toString(index + 1));
        }
        return w == null ? 1.0 : w;
    }

    @Override
    public String choose(List<String> servers, ServerStatsView stats) {
        double total = 0;
        double[] cumulative = new double[servers.size()];
        for (int i = 0; i < servers.size(); i++) {
            total += weightOf(servers, i);
            cumulative[i] = total;
        }
        double r;
        synchronized (random) {
            if (total <= 0) {
                return servers.get(random.nextInt(servers.size()));
            }
            r = random.nextDouble() * total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return servers.get(i);
            }
        }
        return servers.get(servers.size() - 1);
    }

    @Override
    public String name() {
        return "weighted";
    }
}
