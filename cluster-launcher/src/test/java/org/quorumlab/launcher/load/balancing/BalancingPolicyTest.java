package org.quorumlab.launcher.load.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each policy's choices on given statistics; random ones with a seeded {@link Random}. */
class BalancingPolicyTest {

    private static final List<String> SERVERS = List.of("h:1", "h:2", "h:3");

    /** Fixed statistics: latency, outstanding and clients per server. */
    record Stats(Map<String, Double> latency, Map<String, Integer> outstanding, Map<String, Integer> clients)
            implements ServerStatsView {
        @Override
        public double latencyEwmaMillis(String s) {
            return latency.getOrDefault(s, 0.0);
        }

        @Override
        public int outstanding(String s) {
            return outstanding.getOrDefault(s, 0);
        }

        @Override
        public int clients(String s) {
            return clients.getOrDefault(s, 0);
        }
    }

    @Test
    void roundRobinCyclesThroughTheList() {
        BalancingPolicy p = new RoundRobinPolicy();
        assertThat(List.of(p.choose(SERVERS, null), p.choose(SERVERS, null), p.choose(SERVERS, null),
                p.choose(SERVERS, null))).containsExactly("h:1", "h:2", "h:3", "h:1");
        assertThat(p.adaptive()).isFalse();
    }

    @Test
    void randomIsReproducibleFromItsSeedAndRoughlyUniform() {
        Map<String, Integer> a = counts(new RandomPolicy(new Random(7)), ServerStatsView.empty(), 30_000);
        Map<String, Integer> b = counts(new RandomPolicy(new Random(7)), ServerStatsView.empty(), 30_000);
        assertThat(a).isEqualTo(b);
        SERVERS.forEach(s -> assertThat(a.get(s) / 30_000.0).as(s).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.02)));
    }

    @Test
    void leastLatencyPicksTheLowestEwmaThenFewestClients() {
        BalancingPolicy p = new LeastLatencyPolicy();
        Stats stats = new Stats(Map.of("h:1", 5.0, "h:2", 1.5, "h:3", 3.0), Map.of(), Map.of());
        assertThat(p.choose(SERVERS, stats)).isEqualTo("h:2");
        Stats tie = new Stats(Map.of("h:1", 2.0, "h:2", 2.0, "h:3", 2.0), Map.of(), Map.of("h:1", 4, "h:2", 3, "h:3", 1));
        assertThat(p.choose(SERVERS, tie)).isEqualTo("h:3");
        Stats unmeasured = new Stats(Map.of("h:1", 2.0, "h:2", 2.0), Map.of(), Map.of());
        assertThat(p.choose(SERVERS, unmeasured)).as("an unmeasured server gets probed").isEqualTo("h:3");
        assertThat(p.adaptive()).isTrue();
    }

    @Test
    void leastOutstandingPicksTheFewestInFlightThenFewestClients() {
        BalancingPolicy p = new LeastOutstandingPolicy();
        assertThat(p.choose(SERVERS, new Stats(Map.of(), Map.of("h:1", 9, "h:2", 4, "h:3", 7), Map.of())))
                .isEqualTo("h:2");
        assertThat(p.choose(SERVERS, new Stats(Map.of(), Map.of("h:1", 0, "h:2", 0, "h:3", 0),
                Map.of("h:1", 2, "h:2", 1, "h:3", 2)))).isEqualTo("h:2");
        assertThat(p.choose(SERVERS, ServerStatsView.empty())).as("all equal: first in list").isEqualTo("h:1");
        assertThat(p.adaptive()).isTrue();
    }

    @Test
    void weightedRandomFollowsTheWeightsWithinTolerance() {
        BalancingPolicy p = new WeightedRandomPolicy(Map.of("1", 3.0, "2", 1.0, "3", 1.0), new Random(42));
        Map<String, Integer> c = counts(p, ServerStatsView.empty(), 50_000);
        assertThat(c.get("h:1") / 50_000.0).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.015));
        assertThat(c.get("h:2") / 50_000.0).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.015));
        assertThat(c.get("h:3") / 50_000.0).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void weightedRandomAcceptsAddressesDefaultsToOneAndSkipsZero() {
        WeightedRandomPolicy p = new WeightedRandomPolicy(Map.of("h:2", 0.0, "1", 2.0), new Random(1));
        assertThat(p.weightOf(SERVERS, 0)).isEqualTo(2.0);
        assertThat(p.weightOf(SERVERS, 1)).isEqualTo(0.0);
        assertThat(p.weightOf(SERVERS, 2)).isEqualTo(1.0);
        Map<String, Integer> c = counts(p, ServerStatsView.empty(), 3_000);
        assertThat(c).doesNotContainKey("h:2");
        assertThatThrownBy(() -> new WeightedRandomPolicy(Map.of("1", -1.0), new Random()))
                .hasMessageContaining("must be a finite number >= 0");
    }

    @Test
    void parsesCommandLineNames() {
        assertThat(BalancingPolicies.parse("random", 1)).isInstanceOf(RandomPolicy.class);
        assertThat(BalancingPolicies.parse("round-robin", 1)).isInstanceOf(RoundRobinPolicy.class);
        assertThat(BalancingPolicies.parse("least-latency", 1)).isInstanceOf(LeastLatencyPolicy.class);
        assertThat(BalancingPolicies.parse("least-outstanding", 1)).isInstanceOf(LeastOutstandingPolicy.class);
        BalancingPolicy w = BalancingPolicies.parse("weighted:1=3,2=1,3=1", 1);
        assertThat(w).isInstanceOf(WeightedRandomPolicy.class);
        assertThat(((WeightedRandomPolicy) w).weightOf(SERVERS, 0)).isEqualTo(3.0);
        assertThatThrownBy(() -> BalancingPolicies.parse("fastest", 1)).hasMessageContaining("unknown balancing policy");
        assertThatThrownBy(() -> BalancingPolicies.parse("weighted:1", 1)).hasMessageContaining("bad weight");
        assertThatThrownBy(() -> BalancingPolicies.parse("weighted:1=x", 1)).hasMessageContaining("bad weight");
    }

    private static Map<String, Integer> counts(BalancingPolicy p, ServerStatsView stats, int n) {
        Map<String, Integer> c = new HashMap<>();
        for (int i = 0; i < n; i++) {
            c.merge(p.choose(SERVERS, stats), 1, Integer::sum);
        }
        return c;
    }
}
