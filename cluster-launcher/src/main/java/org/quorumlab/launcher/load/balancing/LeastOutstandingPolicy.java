package org.quorumlab.launcher.load.balancing;

import java.util.Comparator;
import java.util.List;

/**
 * Least outstanding requests: the server with the fewest unanswered operations over all its
 * clients; ties go to the server with fewer clients, then to the earlier one in the list.
 */
public final class LeastOutstandingPolicy implements BalancingPolicy {

    @Override
    public String choose(List<String> servers, ServerStatsView stats) {
        return servers.stream()
                .min(Comparator.<String>comparingInt(stats::outstanding).thenComparingInt(stats::clients))
                .orElseThrow();
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public String name() {
        return "least-outstanding";
    }
}
