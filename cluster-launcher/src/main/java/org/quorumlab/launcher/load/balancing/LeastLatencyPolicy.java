package org.quorumlab.launcher.load.balancing;

import java.util.Comparator;
import java.util.List;

/**
 * Least response time: the server with the lowest latency EWMA. An unmeasured server counts as 0
 * ms, so new or recovered servers get probed. Ties go to the server with fewer clients, then to
 * the earlier one in the list.
 */
public final class LeastLatencyPolicy implements BalancingPolicy {

    @Override
    public String choose(List<String> servers, ServerStatsView stats) {
        return servers.stream()
                .min(Comparator.<String>comparingDouble(stats::latencyEwmaMillis).thenComparingInt(stats::clients))
                .orElseThrow();
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public String name() {
        return "least-latency";
    }
}
