package org.quorumlab.launcher.load.balancing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Servers in turn: the k-th call returns {@code servers.get(k % servers.size())}. */
public final class RoundRobinPolicy implements BalancingPolicy {

    private final AtomicLong next = new AtomicLong();

    @Override
    public String choose(List<String> servers, ServerStatsView stats) {
        return servers.get((int) Math.floorMod(next.getAndIncrement(), (long) servers.size()));
    }

    @Override
    public String name() {
        return "round-robin";
    }
}
