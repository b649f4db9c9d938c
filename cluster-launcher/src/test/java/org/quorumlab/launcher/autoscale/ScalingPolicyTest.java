package org.quorumlab.launcher.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The decision functions on hand-built observations: no threads, no clock. */
class ScalingPolicyTest {

    private static final long NOW = 1_000_000L;
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private final LoadBasedPolicy load = new LoadBasedPolicy(5000, 500, 3, 5, COOLDOWN);

    /** {@code n} serving members 1..n, leader 1, carrying {@code total} ops/s, last change {@code lastChange}. */
    private static ClusterObservation cluster(int n, double total, long lastChange) {
        List<MemberObservation> m = LongStream.rangeClosed(1, n).mapToObj(id -> MemberObservation.up(id, id == 1, total / n))
                .toList();
        return new ClusterObservation(m, total, lastChange);
    }

    @Test
    void loadScalesUpAboveHiAndDownBelowLo() {
        assertThat(load.decide(cluster(3, 3 * 5001, ClusterObservation.NEVER), NOW)).isInstanceOf(Decision.AddServer.class)
                .extracting(Decision::reason).asString().contains("5001 ops/s per serving server above hi=5000");
        assertThat(load.decide(cluster(3, 3 * 5000, ClusterObservation.NEVER), NOW)).as("exactly hi holds")
                .isInstanceOf(Decision.None.class);
        assertThat(load.decide(cluster(4, 4 * 499, ClusterObservation.NEVER), NOW))
                .isEqualTo(new Decision.RemoveServer(4, "499 ops/s per serving server below lo=500"));
        assertThat(load.decide(cluster(4, 4 * 500, ClusterObservation.NEVER), NOW)).as("exactly lo holds")
                .isInstanceOf(Decision.None.class);
        assertThat(load.decide(cluster(4, 4 * 2000, ClusterObservation.NEVER), NOW).reason()).contains("within");
    }

    @Test
    void loadRespectsMinAndMax() {
        assertThat(load.decide(cluster(5, 5 * 9000, ClusterObservation.NEVER), NOW)).isInstanceOf(Decision.None.class)
                .extracting(Decision::reason).asString().contains("already at max=5");
        assertThat(load.decide(cluster(3, 0, ClusterObservation.NEVER), NOW)).isInstanceOf(Decision.None.class)
                .extracting(Decision::reason).asString().contains("already at min=3");
        assertThat(load.decide(cluster(2, 0, ClusterObservation.NEVER), NOW)).as("below min: grow whatever the load")
                .isInstanceOf(Decision.AddServer.class);
        assertThat(load.decide(cluster(6, 6 * 9000, ClusterObservation.NEVER), NOW)).as("above max: shrink")
                .isEqualTo(new Decision.RemoveServer(6, "6 members, above max=5"));
    }

    @Test
    void loadRespectsCooldownAndUnknownLoad() {
        long lastChange = NOW - 29_000;
        assertThat(load.decide(cluster(3, 3 * 9000, lastChange), NOW)).isInstanceOf(Decision.None.class)
                .extracting(Decision::reason).asString().isEqualTo("cooldown: 1s left since the last change");
        assertThat(load.decide(cluster(3, 3 * 9000, lastChange), NOW + 1_000)).isInstanceOf(Decision.AddServer.class);
        assertThat(load.decide(cluster(3, Double.NaN, ClusterObservation.NEVER), NOW))
                .isEqualTo(new Decision.None("load unknown"));
    }

    @Test
    void loadDoesNotShrinkIntoOverload() {
        // 4 x 490 = 1960 ops/s; with lo=500, hi=600 three servers would carry 653 each > hi.
        LoadBasedPolicy tight = new LoadBasedPolicy(600, 500, 3, 7, Duration.ZERO);
        assertThat(tight.decide(cluster(4, 1960, ClusterObservation.NEVER), NOW).reason())
                .contains("one server less would exceed hi=600");
    }

    @Test
    void loadRemovesADownMemberFirstAndNeverTheLeaderWhenAvoidable() {
        List<MemberObservation> m = List.of(MemberObservation.up(1, false, 10), MemberObservation.down(2, NOW - 5000),
                MemberObservation.up(3, false, 10), MemberObservation.up(4, true, 10));
        assertThat(load.decide(new ClusterObservation(m, 30, ClusterObservation.NEVER), NOW))
                .isInstanceOf(Decision.RemoveServer.class).extracting(d -> ((Decision.RemoveServer) d).id()).isEqualTo(2L);
        List<MemberObservation> up = List.of(MemberObservation.up(1, false, 10), MemberObservation.up(2, false, 10),
                MemberObservation.up(3, false, 10), MemberObservation.up(4, true, 10));
        assertThat(new ClusterObservation(up, 40, ClusterObservation.NEVER).removalCandidate()).get()
                .extracting(MemberObservation::id).isEqualTo(3L);
    }

    @Test
    void failureReplacesAMemberDownLongerThanTheGracePeriod() {
        FailureBasedPolicy p = new FailureBasedPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5));
        List<MemberObservation> m = List.of(MemberObservation.up(1, true, 0), MemberObservation.down(2, NOW - 9_999),
                MemberObservation.up(3, false, 0));
        ClusterObservation obs = new ClusterObservation(m, Double.NaN, ClusterObservation.NEVER);
        assertThat(p.decide(obs, NOW)).isInstanceOf(Decision.None.class).extracting(Decision::reason).asString()
                .isEqualTo("server 2 down for 9s, replaced after 10s");
        assertThat(p.decide(obs, NOW + 1)).isEqualTo(new Decision.ReplaceServer(2, "server 2 down for 10s (>= 10s)"));
        assertThat(p.decide(cluster(3, 0, ClusterObservation.NEVER), NOW))
                .isEqualTo(new Decision.None("all 3 members serving"));
        // Longest-down first; cooldown holds.
        List<MemberObservation> two = List.of(MemberObservation.down(1, NOW - 20_000), MemberObservation.down(2, NOW - 60_000),
                MemberObservation.up(3, true, 0), MemberObservation.up(4, false, 0), MemberObservation.up(5, false, 0));
        assertThat(p.decide(new ClusterObservation(two, 0, ClusterObservation.NEVER), NOW))
                .extracting(d -> ((Decision.ReplaceServer) d).id()).isEqualTo(2L);
        assertThat(p.decide(new ClusterObservation(two, 0, NOW - 4_000), NOW)).isInstanceOf(Decision.None.class);
    }

    @Test
    void targetSizeConvergesOneChangeAtATime() {
        TargetSizePolicy p = new TargetSizePolicy(5, Duration.ZERO);
        // Simulate: apply each decision to a model cluster until the policy holds.
        List<Long> members = new ArrayList<>(List.of(1L, 2L, 3L));
        long nextId = 4;
        List<Decision> decisions = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            Decision d = p.decide(new ClusterObservation(members.stream()
                    .map(id -> MemberObservation.up(id, id == 1, 0)).toList(), 0, ClusterObservation.NEVER), NOW);
            decisions.add(d);
            if (d instanceof Decision.AddServer) {
                members.add(nextId++);
            } else if (d instanceof Decision.RemoveServer r) {
                members.remove(r.id());
            } else {
                break;
            }
        }
        assertThat(members).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(decisions).hasSize(3).last().isEqualTo(new Decision.None("at target size 5"));
        TargetSizePolicy three = new TargetSizePolicy(3, Duration.ofSeconds(10));
        assertThat(three.decide(cluster(5, 0, ClusterObservation.NEVER), NOW))
                .isEqualTo(new Decision.RemoveServer(5, "5 members, target size 3"));
        assertThat(three.decide(cluster(5, 0, NOW - 9_000), NOW)).isInstanceOf(Decision.None.class);
    }

    @Test
    void specParsesTheCommandLineForms() {
        AutoScalerSpec load = AutoScalerSpec.parse("load:hi=5000,lo=500,min=3,max=7");
        assertThat(load.policy()).isEqualTo(new LoadBasedPolicy(5000, 500, 3, 7, LoadBasedPolicy.DEFAULT_COOLDOWN));
        assertThat(load.pollInterval()).isEqualTo(AutoScalerSpec.DEFAULT_POLL);
        assertThat(AutoScalerSpec.parse("failure:after=10s").policy())
                .isEqualTo(new FailureBasedPolicy(Duration.ofSeconds(10), FailureBasedPolicy.DEFAULT_COOLDOWN));
        assertThat(AutoScalerSpec.parse("target:size=5,cooldown=5s,poll=500ms"))
                .isEqualTo(new AutoScalerSpec(new TargetSizePolicy(5, Duration.ofSeconds(5)), Duration.ofMillis(500)));
        assertThat(AutoScalerSpec.parse("failure").policy()).isInstanceOf(FailureBasedPolicy.class);
        AutoScalerSpec round = AutoScalerSpec.parse(load.describe());
        assertThat(round).isEqualTo(load);
        assertThatThrownBy(() -> AutoScalerSpec.parse("load:hi=5000")).hasMessageContaining("missing lo=");
        assertThatThrownBy(() -> AutoScalerSpec.parse("load:hi=500,lo=5000")).hasMessageContaining("lo < hi");
        assertThatThrownBy(() -> AutoScalerSpec.parse("load:hi=5000,lo=500,min=5,max=3")).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> AutoScalerSpec.parse("target:size=5,speed=2")).hasMessageContaining("unknown parameter 'speed'");
        assertThatThrownBy(() -> AutoScalerSpec.parse("chaos:x=1")).hasMessageContaining("unknown autoscale policy 'chaos'");
        assertThatThrownBy(() -> AutoScalerSpec.parse("failure:after=soon")).hasMessageContaining("bad duration");
        assertThatThrownBy(() -> AutoScalerSpec.parse("target:size")).hasMessageContaining("NAME=VALUE");
    }
}
