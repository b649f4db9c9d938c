package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fast leader election driven message by message, without the simulator. */
class LeaderElectionTest {
    private static final QuorumConfig CFG = QuorumConfig.ofVoters(1L, 2L, 3L);
    private static final Timing T = new Timing(1, 4, 1, 10, 5);
    private static final StateSnapshotSource NO_STATE = new StateSnapshotSource() {
        @Override
        public byte[] snapshot() {
            return new byte[0];
        }

        @Override
        public long lastAppliedZxid() {
            return 0;
        }
    };

    private static ZabNode node(long id, long currentEpoch, long lastZxid) {
        List<LogEntry> log = lastZxid == 0 ? List.of() : List.of(new LogEntry(lastZxid, new byte[] {1}));
        return new ZabNode(id, CFG, new DurableState(currentEpoch, currentEpoch, log, 0, 0, 1), T, NO_STATE);
    }

    private static List<Message.Notification> notifications(Actions a) {
        List<Message.Notification> out = new ArrayList<>();
        for (Action.Send s : a.ofType(Action.Send.class)) {
            if (s.message() instanceof Message.Notification n) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void startsByVotingForItselfToEveryOtherVoter() {
        ZabNode n = node(1, 1, Zxid.make(1, 4));
        List<Message.Notification> sent = notifications(n.drain());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).vote()).isEqualTo(new Vote(1, Zxid.make(1, 4), 1, 1, ServerState.LOOKING));
    }

    @Test
    void higherPeerEpochWinsOverHigherZxid() {
        ZabNode n1 = node(1, 3, Zxid.make(2, 5));   // accepted epoch 3 but nothing logged in it
        ZabNode n2 = node(2, 2, Zxid.make(2, 9));
        n1.drain();
        n2.drain();
        n2.step(new Message.Notification(1, new Vote(1, Zxid.make(2, 5), 1, 3, ServerState.LOOKING), CFG));
        List<Message.Notification> sent = notifications(n2.drain());
        assertThat(sent).isNotEmpty();
        assertThat(sent.get(0).vote().leaderId()).as("n2 switches to n1").isEqualTo(1);
        n1.step(sent.get(0));
        n1.tick();                                   // finalize wait of one tick
        assertThat(n1.state()).isEqualTo(ServerState.LEADING);
        n2.tick();
        assertThat(n2.state()).isEqualTo(ServerState.FOLLOWING);
        assertThat(n2.leaderId()).isEqualTo(1);
    }

    @Test
    void lowerRoundNotificationIsAnsweredAndIgnored() {
        ZabNode n = node(1, 0, 0);
        n.drain();
        n.step(new Message.Notification(2, new Vote(3, 0, 5, 0, ServerState.LOOKING), CFG));
        assertThat(n.electionRound()).isEqualTo(5);      // jumped to the newer round
        n.drain();
        n.step(new Message.Notification(3, new Vote(3, 0, 2, 0, ServerState.LOOKING), CFG));
        List<Message.Notification> answer = notifications(n.drain());
        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).vote().electionEpoch()).isEqualTo(5);
    }

    @Test
    void joinsAnEstablishedLeaderFromFollowingAndLeadingNotifications() {
        ZabNode n = node(1, 0, 0);
        n.drain();
        n.step(new Message.Notification(2, new Vote(3, Zxid.make(4, 2), 7, 4, ServerState.FOLLOWING), CFG));
        assertThat(n.state()).as("a FOLLOWING vote alone is not enough").isEqualTo(ServerState.LOOKING);
        n.step(new Message.Notification(3, new Vote(3, Zxid.make(4, 2), 7, 4, ServerState.LEADING), CFG));
        assertThat(n.state()).isEqualTo(ServerState.FOLLOWING);
        assertThat(n.leaderId()).isEqualTo(3);
        assertThat(n.electionRound()).isEqualTo(7);
    }

    @Test
    void resendsNotificationsWithExponentialBackoff() {
        ZabNode n = node(1, 0, 0);
        n.drain();
        List<Integer> resendTicks = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            n.tick();
            if (!notifications(n.drain()).isEmpty()) {
                resendTicks.add(t);
            }
        }
        // intervals 2, 4, 4, 4... (doubling from electionTimeoutTicks=1, capped at 4)
        assertThat(resendTicks).startsWith(1, 3, 7, 11, 15);
    }

    @Test
    void nonLookingServerAnswersLookingPeerWithItsStateAndVote() {
        ZabNode n1 = node(1, 0, 0);
        n1.drain();
        n1.step(new Message.Notification(3, new Vote(3, 0, 1, 0, ServerState.LOOKING), CFG));
        n1.step(new Message.Notification(2, new Vote(3, 0, 1, 0, ServerState.LOOKING), CFG));
        n1.tick();
        assertThat(n1.state()).isEqualTo(ServerState.FOLLOWING);
        n1.drain();
        n1.step(new Message.Notification(2, new Vote(2, 0, 1, 0, ServerState.LOOKING), CFG));
        List<Message.Notification> answer = notifications(n1.drain());
        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).vote().state()).isEqualTo(ServerState.FOLLOWING);
        assertThat(answer.get(0).vote().leaderId()).isEqualTo(3);
    }

    /**
     * Server 1 concludes for server 2, but server 2 never leads (it went on with its election, or
     * followed a better vote). Server 2 answers 1's registration with a ping, which a leader never
     * sends first; after syncLimit ticks of that, 1 looks again instead of waiting initLimit.
     */
    @Test
    void aLearnerWhoseChosenLeaderSaysItIsNotLeadingLooksAgainAfterSyncLimit() {
        ZabNode n1 = node(1, 1, Zxid.make(1, 4));
        ZabNode n2 = node(2, 1, Zxid.make(1, 4));
        n1.drain();
        List<Message.Notification> fromTwo = notifications(n2.drain());
        n1.step(fromTwo.get(0));                     // 2's vote for itself beats 1's (higher id)
        n1.tick();                                   // finalize wait: quorum {1, 2} for server 2
        assertThat(n1.state()).isEqualTo(ServerState.FOLLOWING);
        assertThat(n1.leaderId()).isEqualTo(2);

        int ticks = 0;
        while (n1.state() == ServerState.FOLLOWING && ticks <= T.initLimit() + 1) {
            for (Action.Send s : n1.drain().ofType(Action.Send.class)) {
                if (s.to() == 2 && s.message() instanceof Message.Peer p) {
                    n2.step(p);                      // server 2 stays LOOKING: it is never ticked
                }
            }
            for (Action.Send s : n2.drain().ofType(Action.Send.class)) {
                if (s.to() == 1 && s.message() instanceof Message.Peer p) {
                    assertThat(p.packet()).isInstanceOf(Packet.Ping.class);
                    n1.step(p);
                }
            }
            n1.tick();
            ticks++;
        }
        assertThat(n1.state()).isEqualTo(ServerState.LOOKING);
        assertThat(ticks).as("ticks until server 1 looked again").isLessThanOrEqualTo(T.syncLimit() + 2)
                .isLessThan(T.initLimit());
    }

    /** The same learner with a chosen leader that stays silent (still gathering a quorum) waits initLimit. */
    @Test
    void aLearnerWhoseChosenLeaderIsSilentWaitsInitLimit() {
        ZabNode n1 = node(1, 1, Zxid.make(1, 4));
        ZabNode n2 = node(2, 1, Zxid.make(1, 4));
        n1.drain();
        n1.step(notifications(n2.drain()).get(0));
        n1.tick();
        assertThat(n1.state()).isEqualTo(ServerState.FOLLOWING);
        for (int i = 0; i < T.initLimit(); i++) {
            n1.drain();
            n1.tick();
        }
        assertThat(n1.state()).as("still waiting after initLimit ticks").isEqualTo(ServerState.FOLLOWING);
        n1.tick();
        assertThat(n1.state()).isEqualTo(ServerState.LOOKING);
    }
}
