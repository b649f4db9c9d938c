package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.gui.teaching.TeachingEvents.delivered;
import static org.quorumlab.gui.teaching.TeachingEvents.ev;
import static org.quorumlab.gui.teaching.TeachingEvents.hello;
import static org.quorumlab.gui.teaching.TeachingEvents.sent;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.cluster.Role;

class TeachingReducerTest {

    private static final long T = 1_764_115_200_000L;

    private static TeachingState fold(ClusterEvent... events) {
        return TeachingReducer.reduceAll(TeachingState.EMPTY, List.of(events));
    }

    private static TeachingState cluster(ClusterEvent... more) {
        List<ClusterEvent> all = new java.util.ArrayList<>(List.of(hello(T, 1, "leader", 5, 1),
                hello(T, 2, "follower", 5, 1), hello(T, 3, "follower", 5, 1)));
        all.addAll(List.of(more));
        return TeachingReducer.reduceAll(TeachingState.EMPTY, all);
    }

    @Test
    void helloEventsGiveNodesRolesEpochAndTheLeader() {
        TeachingState s = cluster();
        assertThat(s.nodes().keySet()).containsExactly(1L, 2L, 3L);
        assertThat(s.leaderId()).isEqualTo(1);
        assertThat(s.nodes().get(1L).role()).isEqualTo(Role.LEADER);
        assertThat(s.nodes().get(2L).epoch()).isEqualTo(5);
        assertThat(s.links()).hasSize(3);
    }

    @Test
    void aSentMessageIsHeldUntilDeliveredAndMovesAlongItsLink() {
        TeachingState s = cluster(sent(T + 100, 1, 7, 2, "PROPOSAL", "0x500000001", T + 300));
        HeldMessage m = s.held().get(new MessageKey(1, 7));
        assertThat(m.kind()).isEqualTo("PROPOSAL");
        assertThat(m.zxid()).isEqualTo(0x500000001L);
        assertThat(m.progress(T + 100)).isZero();
        assertThat(m.progress(T + 200)).isEqualTo(0.5);
        assertThat(m.progress(T + 400)).isEqualTo(1.0);
        assertThat(s.nodes().get(1L).log()).containsEntry(0x500000001L, EntryStatus.PROPOSED);
        assertThat(s.nodes().get(2L).log()).isEmpty();

        TeachingState after = TeachingReducer.reduce(s, delivered(T + 300, 1, 7, 2, "PROPOSAL"));
        assertThat(after.held()).isEmpty();
        assertThat(after.nodes().get(2L).log()).containsEntry(0x500000001L, EntryStatus.PROPOSED);
    }

    @Test
    void logStripGoesFromProposedToAcknowledgedToCommitted() {
        TeachingState s = cluster(ev(T + 1, 1, "ProposalSent", "\"zxid\":\"0x500000001\""),
                ev(T + 2, 1, "ProposalSent", "\"zxid\":\"0x500000002\""),
                sent(T + 3, 2, 1, 1, "ACK", "0x500000001", T + 50),
                ev(T + 4, 1, "AckReceived", "\"from\":2,\"zxid\":\"0x500000001\""),
                ev(T + 5, 1, "Committed", "\"zxid\":\"0x500000001\""),
                ev(T + 6, 2, "Committed", "\"zxid\":\"0x500000001\""));
        assertThat(s.nodes().get(1L).log()).containsEntry(0x500000001L, EntryStatus.COMMITTED)
                .containsEntry(0x500000002L, EntryStatus.PROPOSED);
        assertThat(s.nodes().get(2L).log()).containsExactly(java.util.Map.entry(0x500000001L, EntryStatus.COMMITTED));
        assertThat(s.nodes().get(1L).lastZxid()).isEqualTo(0x500000002L);
        // a late ACK never moves a committed entry back
        TeachingState late = TeachingReducer.reduce(s, ev(T + 7, 1, "AckReceived", "\"from\":3,\"zxid\":\"0x500000001\""));
        assertThat(late.nodes().get(1L).log()).containsEntry(0x500000001L, EntryStatus.COMMITTED);
    }

    @Test
    void aNewEpochClearsTheLogStripAndCounterZeroIsNoEntry() {
        TeachingState s = cluster(ev(T + 1, 2, "Committed", "\"zxid\":\"0x500000003\""),
                ev(T + 2, 2, "NewEpoch", "\"epoch\":6"), sent(T + 3, 2, 4, 1, "ACK", "0x600000000", T + 10));
        assertThat(s.nodes().get(2L).epoch()).isEqualTo(6);
        assertThat(s.nodes().get(2L).log()).isEmpty();
        assertThat(s.nodes().get(2L).lastZxid()).isEqualTo(0x500000003L);
    }

    @Test
    void pauseParksHeldMessagesAndResumeRetimesThemFromNow() {
        TeachingState s = cluster(sent(T, 1, 1, 2, "PING", null, T + 990),
                ev(T + 10, 1, "TeachingChanged", "\"slowFactor\":100,\"paused\":true,\"messageDelayMs\":990"),
                sent(T + 20, 1, 2, 3, "PING", null, null));
        assertThat(s.held().values()).allMatch(HeldMessage::parked);
        assertThat(s.held().get(new MessageKey(1, 1)).progress(T + 500)).isEqualTo(0.5);
        assertThat(s.anyPaused()).isTrue();
        assertThat(s.slowFactor()).isEqualTo(100);

        TeachingState resumed = TeachingReducer.reduce(s,
                ev(T + 5000, 1, "TeachingChanged", "\"slowFactor\":100,\"paused\":false,\"messageDelayMs\":990"));
        assertThat(resumed.held().values()).extracting(HeldMessage::deliverTs).containsOnly(T + 5990);
        assertThat(resumed.anyPaused()).isFalse();
    }

    @Test
    void votesAreKeptWhileLookingAndClearedByANewElection() {
        TeachingState s = cluster(ev(T + 1, 2, "StateChanged", "\"from\":\"FOLLOWING\",\"to\":\"LOOKING\""),
                ev(T + 2, 2, "VoteSent", "\"vote\":{\"leaderId\":2,\"zxid\":\"0x500000007\",\"electionEpoch\":3,"
                        + "\"peerEpoch\":5,\"state\":\"LOOKING\"},\"recipients\":[1,3]"));
        NodeState two = s.nodes().get(2L);
        assertThat(two.role()).isEqualTo(Role.LOOKING);
        assertThat(two.vote()).isEqualTo(new Vote(2, 0x500000007L, 3, 5));
        TeachingState again = TeachingReducer.reduce(s, ev(T + 3, 2, "StateChanged", "\"to\":\"LOOKING\""));
        assertThat(again.nodes().get(2L).vote()).isNull();
    }

    @Test
    void aLinkDroppedAtHundredPercentOrPartitionedIsCut() {
        TeachingState s = cluster(ev(T + 1, 1, "FaultsChanged", "\"action\":\"drop\",\"blocked\":[],"
                + "\"dropPercent\":{\"2\":100.0,\"3\":30.0},\"delayMs\":{}"));
        assertThat(s.isCut(1, 2)).isTrue();
        assertThat(s.isCut(2, 1)).isTrue();
        assertThat(s.isCut(1, 3)).isFalse();
        TeachingState partitioned = TeachingReducer.reduce(s, ev(T + 2, 3, "FaultsChanged",
                "\"action\":\"partition\",\"blocked\":[1,2],\"dropPercent\":{}"));
        assertThat(partitioned.isCut(2, 3)).isTrue();
        TeachingState healed = TeachingReducer.reduce(partitioned, ev(T + 3, 1, "FaultsChanged",
                "\"action\":\"heal\",\"blocked\":[],\"dropPercent\":{}"));
        assertThat(healed.isCut(1, 2)).isFalse();
        assertThat(healed.isCut(2, 3)).isTrue();
    }

    @Test
    void droppedMessagesVanishAndADeadNodeTakesItsHeldMessagesAlong() {
        TeachingState s = cluster(sent(T, 1, 1, 2, "COMMIT", "0x500000001", null),
                sent(T, 1, 2, 3, "COMMIT", "0x500000001", null), sent(T, 2, 1, 1, "ACK", "0x500000001", null),
                ev(T + 1, 1, "MessageDropped", "\"id\":2,\"to\":3,\"kind\":\"COMMIT\",\"reason\":\"clicked\""));
        assertThat(s.held().keySet()).containsExactly(new MessageKey(1, 1), new MessageKey(2, 1));
        TeachingState down = TeachingReducer.reduce(s, SyntheticEvents.nodeDown(1, T + 2));
        assertThat(down.held().keySet()).containsExactly(new MessageKey(2, 1));
        assertThat(down.leaderId()).isEqualTo(-1);
        assertThat(down.nodes().get(1L).alive()).isFalse();
    }

    @Test
    void aTeachingSnapshotReplacesWhatTheNodeHolds() {
        MemberTeaching m = new MemberTeaching(2, "127.0.0.1:1", 10, true, 90,
                List.of(new HeldMessage(2, 5, 1, "ACK", 0x500000002L, T - 50, -1),
                        new HeldMessage(2, 6, 3, "PING", -1, T - 40, T + 40)),
                java.util.Set.of(), java.util.Map.of(3L, 100.0));
        TeachingState s = cluster(sent(T - 100, 2, 4, 1, "PING", null, T + 10));
        TeachingState snap = TeachingReducer.reduce(TeachingReducer.reduce(s, SyntheticEvents.teachingSnapshot(m, T)),
                SyntheticEvents.faults(2, m.blocked(), m.dropPercent(), T));
        assertThat(snap.held().values()).containsExactly(new HeldMessage(2, 5, 1, "ACK", 0x500000002L, T - 50, -1),
                new HeldMessage(2, 6, 3, "PING", -1, T - 40, T + 40));
        assertThat(snap.nodes().get(2L).paused()).isTrue();
        assertThat(snap.isCut(2, 3)).isTrue();
    }

    @Test
    void reduceIsPureTheInputStateIsUnchangedAndEqualInputsGiveEqualStates() {
        TeachingState s = cluster();
        ClusterEvent e = sent(T + 1, 1, 9, 3, "VOTE", "0x500000000", T + 80);
        TeachingState a = TeachingReducer.reduce(s, e);
        TeachingState b = TeachingReducer.reduce(s, e);
        assertThat(a).isEqualTo(b).isNotSameAs(b);
        assertThat(s.held()).isEmpty();
        assertThat(a.held()).hasSize(1);
        assertThat(a.time()).isEqualTo(T + 1);
    }
}
