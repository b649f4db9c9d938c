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
}
