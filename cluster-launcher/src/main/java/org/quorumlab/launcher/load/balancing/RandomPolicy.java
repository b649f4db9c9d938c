package org.quorumlab.launcher.load.balancing;

import java.util.List;
import java.util.Random;

/** Uniformly random server; the seeded {@link Random} makes choices reproducible. */
public final class RandomPolicy implements BalancingPolicy {

    private final Random random;

    public RandomPolicy(Random random) {
        this.random = random;
    }

    @Override
    public synchronized String choose(List<String> servers, ServerStatsView stats) {
        return servers.get(random.nextInt(servers.size()));
    }

    @Override
    public String name() {
        return "random";
    }
}
