package org.quorumlab.launcher.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.LauncherException;

/** The controller against a fake cluster, a scripted load meter and a manual clock. */
class AutoScalerTest {

    /** Members by id, serving or not; refuses changes while {@code refuse} is set. */
    static final class FakeCluster implements ClusterActuator {
        final TreeMap<Long, Boolean> members = new TreeMap<>();
        final List<String> calls = new ArrayList<>();
        long nextId;
        String refuse;

        FakeCluster(int n) {
            for (long id = 1; id <= n; id++) {
                members.put(id, true);
            }
            nextId = n + 1;
        }

        @Override
        public List<MemberState> members() {
            return members.entrySet().stream().map(e -> new MemberState(e.getKey(), e.getValue(), e.getKey() == 1))
                    .toList();
        }

        @Override
        public MembershipOutcome addServer() {
            calls.add("add");
            if (refuse != null) {
                throw new LauncherException(refuse);
            }
            long id = nextId++;
            members.put(id, true);
            return new MembershipOutcome(id, true, 10, "fake");
        }

        @Override
        public MembershipOutcome removeServer(long id) {
            calls.add("remove " + id);
            if (refuse != null) {
                throw new LauncherException(refuse);
            }
            members.remove(id);
            return new MembershipOutcome(id, false, 10, "fake");
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<ScalingEvent> events = new ArrayList<>();

    private AutoScaler scaler(String spec, FakeCluster cluster, LoadMeter meter) {
        AutoScaler a = new AutoScaler(AutoScalerSpec.parse(spec), cluster, meter, clock::get);
        a.addListener(events::add);
        return a;
    }

    @Test
    void failurePolicyReplacesAMemberDownForTheGracePeriod() {
        FakeCluster cluster = new FakeCluster(3);
        AutoScaler a = scaler("failure:after=10s,cooldown=5s", cluster, LoadMeter.none());
        assertThat(a.pollOnce()).singleElement().extracting(ScalingEvent::outcome).isEqualTo(ScalingEvent.Outcome.HOLD);

        cluster.members.put(2L, false);
        a.pollOnce();                       // first seen down now
        clock.addAndGet(9_000);
        assertThat(a.pollOnce().get(0).decision().reason()).isEqualTo("server 2 down for 9s, replaced after 10s");
        clock.addAndGet(1_000);
        List<ScalingEvent> replaced = a.pollOnce();
        assertThat(replaced).extracting(ScalingEvent::outcome)
                .containsExactly(ScalingEvent.Outcome.STARTED, ScalingEvent.Outcome.APPLIED);
        assertThat(replaced.get(1).detail()).contains("removed server 2").contains("added server 4");
        assertThat(cluster.calls).containsExactly("remove 2", "add");
        assertThat(cluster.members.keySet()).containsExactly(1L, 3L, 4L);
        assertThat(events).hasSize(5);
    }

    @Test
    void aDownMemberThatRecoversIsForgotten() {
        FakeCluster cluster = new FakeCluster(3);
        AutoScaler a = scaler("failure:after=10s", cluster, LoadMeter.none());
        cluster.members.put(3L, false);
        a.pollOnce();
        clock.addAndGet(8_000);
        cluster.members.put(3L, true);
        a.pollOnce();
        cluster.members.put(3L, false);
        clock.addAndGet(8_000);
        a.pollOnce();                       // down again: the clock restarts
        clock.addAndGet(8_000);
        assertThat(a.pollOnce().get(0).decision()).isInstanceOf(Decision.None.class);
        assertThat(cluster.calls).isEmpty();
    }

    @Test
    void loadPolicyScalesUpThenWaitsForTheCooldownAndAFailedChangeAlsoCoolsDown() {
        FakeCluster cluster = new FakeCluster(3);
        double[] total = {3 * 6000};
        AutoScaler a = scaler("load:hi=5000,lo=500,min=3,max=5,cooldown=30s", cluster,
                (members, now) -> new LoadMeter.Reading(total[0], java.util.Map.of()));
        assertThat(a.pollOnce()).extracting(ScalingEvent::outcome)
                .containsExactly(ScalingEvent.Outcome.STARTED, ScalingEvent.Outcome.APPLIED);
        assertThat(cluster.members).hasSize(4);
        total[0] = 4 * 6000;
        clock.addAndGet(29_000);
        assertThat(a.pollOnce().get(0).decision().reason()).startsWith("cooldown");
        clock.addAndGet(1_000);
        cluster.refuse = "cannot add server 5: the ensemble has no quorum";
        List<ScalingEvent> failed = a.pollOnce();
        assertThat(failed.get(1).outcome()).isEqualTo(ScalingEvent.Outcome.FAILED);
        assertThat(failed.get(1).detail()).isEqualTo("cannot add server 5: the ensemble has no quorum");
        clock.addAndGet(10_000);
        assertThat(a.pollOnce().get(0).decision().reason()).startsWith("cooldown");
        cluster.refuse = null;
        total[0] = 4 * 100;
        clock.addAndGet(20_000);
        a.pollOnce();
        assertThat(cluster.calls).containsExactly("add", "add", "remove 4");
        assertThat(cluster.members.keySet()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void targetPolicyConvergesThroughTheController() {
        FakeCluster cluster = new FakeCluster(5);
        AutoScaler a = scaler("target:size=3", cluster, LoadMeter.none());
        for (int i = 0; i < 5; i++) {
            a.pollOnce();
            clock.addAndGet(1_000);
        }
        assertThat(cluster.members.keySet()).containsExactly(1L, 2L, 3L);
        assertThat(cluster.calls).containsExactly("remove 5", "remove 4");
        assertThat(events.get(events.size() - 1).decision()).isEqualTo(new Decision.None("at target size 3"));
        assertThat(events.get(0).describe()).isEqualTo("autoscale target:size=3,cooldown=0s: remove server 5 "
                + "(5 members, target size 3): STARTED");
    }
}
