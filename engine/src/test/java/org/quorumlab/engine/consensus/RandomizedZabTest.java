package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.sim.SimulatedCluster;

/**
 * Randomized fault schedules: every seed runs a few hundred random steps (deliveries, ticks with
 * clock skew, flushes, proposals, forwarded requests, crashes, restarts, partitions, cuts, log
 * compaction, drops, duplicates, delays) with the safety invariants checked after every step, then
 * heals everything and checks liveness.
 *
 * <p>The seed count comes from the system property {@code quorumlab.sim.seeds} (default 500).
 * The Maven profile {@code -Psoak} will run 50,000 seeds (wired in the pom by the lead); the other
 * simulation tests scale with the same property. {@code quorumlab.sim.baseSeed} shifts the seed range
 * (to replay one failing seed: {@code -Dquorumlab.sim.baseSeed=S -Dquorumlab.sim.seeds=1}).
 */
@Tag("simulation")
class RandomizedZabTest {
    private static final Timing TIMING = new Timing(2, 8, 1, 10, 5);

    static int seeds() {
        return Integer.getInteger("quorumlab.sim.seeds", 500);
    }

    static long baseSeed() {
        return Long.getLong("quorumlab.sim.baseSeed", 0L);
    }

    @Test
    void randomFaultSchedulesKeepZabInvariants() {
        int n = seeds();
        long base = baseSeed();
        Map<String, Integer> total = new TreeMap<>();
        for (long s = base; s < base + n; s++) {
            runOneWithStats(s).forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        // guard against a schedule that silently stops exercising the protocol
        assertThat(total.getOrDefault("LeaderEstablished", 0)).isGreaterThan(n);
        assertThat(total.getOrDefault("Apply", 0)).isGreaterThan(10 * n);
        if (n >= 200) {
            assertThat(total).containsKeys("SyncDIFF", "SyncTRUNC", "SyncSNAP",
                    "Truncate", "InstallSnapshot", "StepDown", "HandleForwardedRequest");
        }
    }

    static Map<String, Integer> runOneWithStats(long seed) {
        int size = (seed % 3 == 0) ? 5 : 3;
        QuorumConfig cfg = size == 5
                ? QuorumConfig.ofVoters(1L, 2L, 3L, 4L, 5L)
                : (seed % 3 == 1 ? QuorumConfig.ofVoters(1L, 2L, 3L)
                        : QuorumConfig.of(0, List.of(1L, 2L, 3L), List.of(4L)));
        SimulatedCluster c = new SimulatedCluster(seed, cfg, TIMING);
        Random r = c.random();
        c.network().dropNotifications = r.nextDouble() * 0.2;
        c.network().dropPeers = r.nextDouble() * 0.01;
        c.network().duplicate = r.nextDouble() * 0.1;
        c.network().maxDelay = r.nextInt(4);
        c.setClockSkew(0.3);
        int steps = 300 + r.nextInt(200);
        for (int i = 0; i < steps; i++) {
            c.randomStep(true);
        }
        c.checkLiveness(200);
        return c.stats();
    }
}
