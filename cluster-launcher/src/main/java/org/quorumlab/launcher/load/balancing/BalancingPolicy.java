package org.quorumlab.launcher.load.balancing;

import java.util.List;

/**
 * Chooses the server a client session connects to.
 *
 * <p>A ZooKeeper session is pinned to one server, so unlike an HTTP balancer a policy does not
 * pick a server per request: the load generator calls {@link #choose} when it assigns a client
 * (at start), when it re-assigns one (its server failed or its session expired) and, for
 * {@link #adaptive()} policies, when it periodically moves a fraction of the clients
 * ({@code LoadSpec.rebalanceFraction} every {@code LoadSpec.rebalanceInterval}). The per-request
 * distribution therefore follows the per-client assignment.
 *
 * <p>Implementations are thread-safe, never return a server outside {@code servers} and are
 * called with a non-empty list.
 */
@FunctionalInterface
public interface BalancingPolicy {

    /** The server ({@code host:port}) from {@code servers} the next client should use. */
    String choose(List<String> servers, ServerStatsView stats);

    /** Whether choices depend on measurements, so that rebalancing clients periodically helps. */
    default boolean adaptive() {
        return false;
    }

    /** Short name as accepted by {@link BalancingPolicies#parse}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
