package org.quorumlab.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.gui.cluster.Events.ev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.NodeSnapshot;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.cluster.load.LoadGeneratorViewModel;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.MembershipChange;

/** ViewModels fed with recorded events through a synchronous TaskExecutor; no screen. */
class ClusterViewModelsTest {

    private static final long T0 = 1_764_115_200_000L;

    @TempDir
    Path dir;

    private final TaskExecutor sync = TaskExecutor.synchronous();
    private final FakeControl control = new FakeControl();
    private final FakeFaults faults = new FakeFaults();
    private final ClusterActionsViewModel actions = new ClusterActionsViewModel(control, faults, sync);
    private final ClusterTabViewModel vm = new ClusterTabViewModel(new EventLogViewModel(sync), actions,
            new LoadGeneratorViewModel(sync, "127.0.0.1:1"));

    @Test
    void anElectionSequenceProducesOneTimelineEntryWithWinnerDurationAndVotes() {
        vm.onEvents(Events.electionAfterLeader3Dies(T0));

        assertThat(vm.timeline().entries()).hasSize(1);
        ElectionEntry e = vm.timeline().entries().get(0);
        assertThat(e.winner()).isEqualTo(2);
        assertThat(e.epoch()).isEqualTo(5);
        assertThat(e.durationMs()).isEqualTo(300);
        assertThat(e.votes()).isEqualTo(4);
        assertThat(e.previousLeader()).isEqualTo(3);
        assertThat(e.leaderChanged()).isTrue();
        assertThat(e.participants()).containsExactly(1L, 2L);
        assertThat(e.describe()).isEqualTo("leader 2 (epoch 5) after 300 ms, 4 votes");

        assertThat(vm.cluster().leaderId()).isEqualTo(2);
        assertThat(vm.cluster().node(2).role()).isEqualTo(Role.LEADER);
        assertThat(vm.cluster().node(1).role()).isEqualTo(Role.FOLLOWER);
        assertThat(vm.cluster().node(2).epochProperty().get()).isEqualTo(5);
        assertThat(vm.cluster().node(2).lastZxidHex()).isEqualTo("0x500000000");
        assertThat(vm.cluster().nodes()).extracting(NodeModel::id).containsExactly(1L, 2L, 3L);
        assertThat(vm.log().all()).hasSize(18);
    }

    @Test
    void lateStreamsAndRejoiningFollowersDoNotInventLeaderChanges() {
        List<ClusterEvent> events = new ArrayList<>(Events.electionAfterLeader3Dies(T0));
        events.add(ev(T0 + 100, 3, "StateChanged", "\"from\":\"LEADING\",\"to\":\"LOOKING\"")); // late, old
        events.add(ev(T0 + 9000, 3, "StateChanged", "\"from\":\"LOOKING\",\"to\":\"LOOKING\""));
        events.add(ev(T0 + 9010, 3, "VoteReceived", "\"from\":2"));
        events.add(ev(T0 + 9100, 3, "StateChanged", "\"from\":\"LOOKING\",\"to\":\"FOLLOWING\""));
        events.add(ev(T0 + 9200, 3, "RoleChanged", "\"role\":\"FOLLOWING\",\"epoch\":5,\"leaderId\":2"));
        vm.onEvents(events);

        assertThat(vm.timeline().entries()).hasSize(2);
        ElectionEntry rejoin = vm.timeline().entries().get(1);
        assertThat(rejoin.leaderChanged()).isFalse();
        assertThat(rejoin.winner()).isEqualTo(2);
        assertThat(rejoin.durationMs()).isEqualTo(200);
    }

    @Test
    void aStallReportedAroundAnElectionIsShownAsItsCause() {
        List<ClusterEvent> events = new ArrayList<>(Events.electionAfterLeader3Dies(T0));
        // later: leader 2's process stalls; follower 1 gives up on it, then rejoins the same leader
        events.add(ev(T0 + 9000, 1, "StateChanged", "\"from\":\"FOLLOWING\",\"to\":\"LOOKING\""));
        events.add(ev(T0 + 9020, 2, "ProcessStalled", "\"stalledMillis\":1081"));
        events.add(ev(T0 + 9060, 1, "StateChanged", "\"from\":\"LOOKING\",\"to\":\"FOLLOWING\""));
        events.add(ev(T0 + 9070, 1, "RoleChanged", "\"role\":\"FOLLOWING\",\"epoch\":5,\"leaderId\":2"));
        // a stall long after any election explains nothing
        events.add(ev(T0 + 20_000, 3, "ProcessStalled", "\"stalledMillis\":400"));
        vm.onEvents(events);

        assertThat(vm.timeline().entries()).hasSize(2);
        assertThat(vm.timeline().entries().get(0).cause()).isEmpty();
        ElectionEntry rejoin = vm.timeline().entries().get(1);
        assertThat(rejoin.leaderChanged()).isFalse();
        assertThat(rejoin.cause()).isEqualTo("server 2 stalled 1081 ms");
        assertThat(rejoin.describe()).isEqualTo("rejoined leader 2 (epoch 5) after 70 ms, 0 votes; "
                + "cause: server 2 stalled 1081 ms");
    }

    @Test
    void aStallReportedJustAfterAnElectionClosedIsAttachedToIt() {
        List<ClusterEvent> events = new ArrayList<>(Events.electionAfterLeader3Dies(T0));
        events.add(ev(T0 + 1_000, 3, "ProcessStalled", "\"stalledMillis\":1500"));
        vm.onEvents(events);

        assertThat(vm.timeline().entries()).hasSize(1);
        assertThat(vm.timeline().entries().get(0).cause()).isEqualTo("server 3 stalled 1500 ms");
    }

    @Test
    void anElectionOnlyADeadNodeTookPartInIsAbandoned() {
        vm.onEvents(Events.electionAfterLeader3Dies(T0));
        vm.onEvents(List.of(ev(T0 + 800, 3, "StateChanged", "\"from\":\"LEADING\",\"to\":\"LOOKING\"")));
        assertThat(vm.timeline().openSince()).isEqualTo(T0 + 800);
        vm.onPoll(List.of(snapshot(1, "follower", 0, 5), snapshot(2, "leader", 0, 5)), Set.of(3L), Set.of(1L, 2L, 3L));
        assertThat(vm.timeline().openSince()).isEqualTo(-1);
        assertThat(vm.timeline().entries()).hasSize(1);
    }

    @Test
    void aLoadSampleUpdatesTheGaugeAndTheChartSeries() {
        vm.onEvents(List.of(
                ev(T0, 1, "LoadSample", sample("follower", 800, 95, 0.4, 3.2, 12, 2)),
                ev(T0 + 4, 2, "LoadSample", sample("leader", 100, 5, 0.5, 7.5, 3, 1)),
                ev(T0 + 1000, 1, "LoadSample", sample("follower", 900, 100, 0.4, 3.0, 12, 0))));
        vm.onPoll(List.of(snapshot(1, "follower", 12, 1234), snapshot(2, "leader", 3, 1234)), Set.of(),
                Set.of(1L, 2L));

        NodeModel n1 = vm.cluster().node(1);
        assertThat(n1.opsPerSecProperty().get()).isEqualTo(1000.0);
        assertThat(n1.connectionsProperty().get()).isEqualTo(12);
        assertThat(vm.cluster().node(2).role()).isEqualTo(Role.LEADER);

        ChartsViewModel charts = vm.charts();
        assertThat(charts.scopes()).containsExactly(ChartsViewModel.TOTAL, "Node 1", "Node 2");
        List<ChartsViewModel.Line> ops = charts.lines(Metric.OPS);
        assertThat(ops).extracting(ChartsViewModel.Line::name).containsExactly("read", "write");
        assertThat(ops.get(0).points()).extracting(ChartsViewModel.Point::y).containsExactly(900.0, 900.0);
        assertThat(ops.get(0).points().get(1).x()).isEqualTo(0.0);
        assertThat(charts.lines(Metric.LATENCY).get(1).points().get(0).y()).isEqualTo(7.5);
        assertThat(charts.lines(Metric.CONNECTIONS)).extracting(ChartsViewModel.Line::name)
                .containsExactly("node 1", "node 2");

        charts.scopeProperty().set("Node 2");
        assertThat(charts.lines(Metric.OUTSTANDING).get(0).points()).extracting(ChartsViewModel.Point::y)
                .containsExactly(1.0);

        vm.onEvents(List.of(ev(T0 + 2000, 1, "LoadSample", sample("follower", 1, 1, 0.1, 0.1, 1, 0)),
                ev(T0 + ChartsViewModel.WINDOW_MS + 1500, 1, "LoadSample", sample("follower", 1, 1, 0.1, 0.1, 1, 0))));
        charts.scopeProperty().set("Node 1");
        assertThat(charts.lines(Metric.ZNODES).get(0).points()).extracting(ChartsViewModel.Point::y)
                .containsExactly(1234.0, 1234.0);
        assertThat(charts.lines(Metric.OPS).get(0).points()).hasSize(2); // older samples left the window
    }

    @Test
    void aPartitionMarksLinksCutAndHealRestoresThem() {
        vm.onEvents(Events.electionAfterLeader3Dies(T0));
        vm.onEvents(List.of(
                ev(T0 + 1000, 1, "FaultsChanged", "\"action\":\"partition\",\"params\":{\"groups\":\"1|2,3\"},"
                        + "\"blocked\":[2,3],\"dropPercent\":{},\"delayMs\":{}"),
                ev(T0 + 1001, 2, "FaultsChanged", "\"action\":\"partition\",\"blocked\":[1]")));

        assertThat(vm.cluster().links()).containsExactlyInAnyOrder(Link.of(2, 1), Link.of(2, 3));
        assertThat(vm.cluster().isCut(1, 2)).isTrue();
        assertThat(vm.cluster().isCut(2, 3)).isFalse();
        assertThat(vm.cluster().cutLinks()).containsExactlyInAnyOrder(Link.of(1, 2), Link.of(1, 3));

        vm.onEvents(List.of(ev(T0 + 2000, 1, "FaultsChanged", "\"action\":\"heal\",\"blocked\":[]"),
                ev(T0 + 2000, 2, "FaultsChanged", "\"action\":\"heal\",\"blocked\":[]")));
        assertThat(vm.cluster().cutLinks()).isEmpty();
    }

    @Test
    void replicationTrafficPulsesAlongLinksButNotAcrossCutOnes() {
        vm.onEvents(Events.electionAfterLeader3Dies(T0));
        vm.onPoll(List.of(snapshot(1, "follower", 0, 5), snapshot(2, "leader", 0, 5)), Set.of(3L), Set.of(1L, 2L, 3L));
        List<LinkPulse> pulses = new ArrayList<>();
        vm.cluster().addPulseListener(pulses::add);

        vm.onEvents(List.of(ev(T0 + 5000, 2, "ProposalSent", "\"zxid\":\"0x500000001\""),
                ev(T0 + 5002, 2, "AckReceived", "\"from\":1,\"zxid\":\"0x500000001\""),
                ev(T0 + 5003, 2, "Committed", "\"zxid\":\"0x500000001\""),
                ev(T0 + 5004, 2, "ProposalSent", "\"zxid\":\"0x500000002\""))); // throttled
        assertThat(pulses).containsExactly(new LinkPulse(2, 1, LinkPulse.Kind.PROPOSAL),
                new LinkPulse(1, 2, LinkPulse.Kind.ACK), new LinkPulse(2, 1, LinkPulse.Kind.COMMIT));
        assertThat(vm.cluster().node(3).isAlive()).isFalse();
        assertThat(vm.cluster().node(3).role()).isEqualTo(Role.DOWN);
        assertThat(vm.cluster().node(2).lastZxidHex()).isEqualTo("0x500000002");

        pulses.clear();
        vm.onEvents(List.of(ev(T0 + 6000, 2, "FaultsChanged", "\"blocked\":[1]"),
                ev(T0 + 6001, 2, "ProposalSent", "\"zxid\":\"0x500000003\"")));
        assertThat(pulses).isEmpty();
    }

    @Test
    void aRemovedDeadNodeLeavesTheDiagram() {
        vm.onPoll(List.of(snapshot(1, "leader", 0, 5), snapshot(4, "follower", 0, 5)), Set.of(), Set.of(1L, 4L));
        assertThat(vm.cluster().nodes()).extracting(NodeModel::id).containsExactly(1L, 4L);
        vm.onPoll(List.of(snapshot(1, "leader", 0, 5)), Set.of(4L), Set.of(1L));
        assertThat(vm.cluster().nodes()).extracting(NodeModel::id).containsExactly(1L);
    }

    @Test
    void actionsReportOutcomesAndRefusals() {
        actions.addNode();
        assertThat(actions.messageProperty().get())
                .isEqualTo("server 4 added: reconfig committed at zxid 0x300000012 in 240 ms (total 1830 ms)");
        assertThat(actions.busyProperty().get()).isFalse();

        String reason = "cannot remove server 2: the remaining 1 serving members are no majority of 2";
        control.refuse = reason;
        actions.remove(2);
        assertThat(actions.messageProperty().get()).isEqualTo("remove node 2 refused: " + reason);

        actions.kill(3);
        assertThat(control.calls).contains("kill 3");
        actions.partition("1,2|3");
        assertThat(faults.calls).containsExactly("partition 1,2|3");
        assertThat(actions.messageProperty().get()).isEqualTo("partition 1,2|3 applied on 3 nodes");
        actions.partition("1,2,3");
        assertThat(actions.messageProperty().get()).startsWith("partition refused: groups must look like 1,2|3");
        assertThat(faults.calls).hasSize(1);
        actions.heal();
        assertThat(actions.messageProperty().get()).isEqualTo("healed faults on 3 nodes");
        actions.addObserver();
        assertThat(actions.messageProperty().get())
                .isEqualTo("observer 5 added: reconfig committed at zxid 0x300000014 in 90 ms (total 1500 ms)");
        assertThat(actions.history()).hasSize(7);
    }

    @Test
    void anExternalEnsembleIsObserveOnly() {
        ClusterActionsViewModel external = new ClusterActionsViewModel(null, faults, sync);
        assertThat(external.manageableProperty().get()).isFalse();
        external.kill(1);
        assertThat(external.messageProperty().get()).isEqualTo("kill -9 node 1 refused: this ensemble is external "
                + "(observe only)");
        external.addObserver();
        assertThat(external.messageProperty().get()).isEqualTo("add observer refused: this ensemble is external "
                + "(observe only)");
    }

    @Test
    void theEventLogFiltersAndExportsJsonLines() throws Exception {
        vm.onEvents(Events.electionAfterLeader3Dies(T0));
        EventLogViewModel log = vm.log();
        assertThat(log.types()).contains(EventLogViewModel.ALL, "StateChanged", "VoteReceived", "LeaderEstablished");
        assertThat(log.servers()).containsExactly(EventLogViewModel.ALL, "1", "2");

        log.typeFilterProperty().set("VoteReceived");
        assertThat(log.filtered()).hasSize(4);
        log.serverFilterProperty().set("1");
        assertThat(log.filtered()).hasSize(2);
        log.typeFilterProperty().set(EventLogViewModel.ALL);
        log.textFilterProperty().set("no traffic from leader");
        assertThat(log.filtered()).hasSize(1);

        Path out = dir.resolve("events.jsonl");
        log.export(out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        assertThat(ClusterEvent.parse(lines.get(0)).type()).isEqualTo("StateChanged");
        assertThat(log.messageProperty().get()).startsWith("exported 1 events to ");
    }

    @Test
    void theTimelineZoomStaysWithinBounds() {
        TimelineViewModel t = vm.timeline();
        for (int i = 0; i < 100; i++) {
            t.zoom(2);
        }
        assertThat(t.pixelsPerSecondProperty().get()).isEqualTo(TimelineViewModel.MAX_ZOOM);
        for (int i = 0; i < 100; i++) {
            t.zoom(0.5);
        }
        assertThat(t.pixelsPerSecondProperty().get()).isEqualTo(TimelineViewModel.MIN_ZOOM);
    }

    @Test
    void partitionGroupsFromTheDialogAssignment() {
        assertThat(PartitionDialog.groups(java.util.Map.of(3L, "B", 1L, "A", 2L, "A"))).isEqualTo("1,2|3");
        assertThat(PartitionDialog.groups(java.util.Map.of(1L, "C", 2L, "A"))).isEqualTo("2|1");
    }

    static String sample(String mode, double reads, double writes, double p50, double p99, int conns, int out) {
        return "\"mode\":\"" + mode + "\",\"readsPerSec\":" + reads + ",\"writesPerSec\":" + writes + ",\"p50Ms\":"
                + p50 + ",\"p99Ms\":" + p99 + ",\"connections\":" + conns + ",\"outstanding\":" + out
                + ",\"watchEventsPerSec\":0.0";
    }

    static NodeSnapshot snapshot(long id, String mode, int conns, long znodes) {
        return new NodeSnapshot("127.0.0.1:" + (8000 + id), id, mode, 5, mode.equals("leader") ? id : 2,
                0x500000000L, conns, 0, znodes, Set.of(), List.of(new NodeSnapshot.Member(1, false),
                        new NodeSnapshot.Member(2, false)));
    }

    /** Records calls; refuses with a LauncherException when {@link #refuse} is set. */
    static final class FakeControl implements ClusterControl {
        final List<String> calls = new ArrayList<>();
        String refuse;

        private void call(String c) {
            calls.add(c);
            if (refuse != null) {
                String r = refuse;
                refuse = null;
                throw new LauncherException(r);
            }
        }

        @Override
        public boolean stop(long id) {
            call("stop " + id);
            return true;
        }

        @Override
        public boolean kill(long id) {
            call("kill " + id);
            return true;
        }

        @Override
        public boolean start(long id) {
            call("start " + id);
            return true;
        }

        @Override
        public void restart(long id) {
            call("restart " + id);
        }

        @Override
        public MembershipChange addServer() {
            call("add");
            return new MembershipChange(MembershipChange.Kind.ADDED, 4, 0x300000012L, 240, 1830, "server.4=...");
        }

        @Override
        public MembershipChange addObserver() {
            call("add observer");
            return new MembershipChange(MembershipChange.Kind.OBSERVER_ADDED, 5, 0x300000014L, 90, 1500,
                    "server.5=127.0.0.1:1:2:observer;127.0.0.1:3");
        }

        @Override
        public MembershipChange removeServer(long id) {
            call("remove " + id);
            return new MembershipChange(MembershipChange.Kind.REMOVED, id, 0x300000013L, 120, 900, "");
        }

        @Override
        public org.quorumlab.launcher.ClusterRestart restartCluster() {
            call("restart cluster");
            return new org.quorumlab.launcher.ClusterRestart(List.of(), List.of(1L, 2L, 3L), 2100, 2);
        }

        @Override
        public List<Long> rollingRestart() {
            call("rolling");
            return List.of(1L, 3L, 2L);
        }
    }

    /** Records fault calls. */
    static final class FakeFaults implements FaultControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public int partition(String groups) {
            calls.add("partition " + groups);
            return 3;
        }

        @Override
        public int heal() {
            return 3;
        }
    }
}
