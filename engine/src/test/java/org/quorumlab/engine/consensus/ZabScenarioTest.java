package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.ProposeResult.RefusalReason;
import org.quorumlab.engine.consensus.sim.SimulatedCluster;

/**
 * Scripted scenarios in the style of etcd's interaction tests: each reads as a small script of
 * cluster operations ("elect", "isolate 1", "propose", "heal", "stabilize") and checks the outcome.
 * The simulator checks the ZAB safety invariants after every step.
 */
class ZabScenarioTest {
    static final Timing T = new Timing(1, 4, 1, 10, 5);
    static final int ROUNDS = 60;

    private static SimulatedCluster threeNodes() {
        SimulatedCluster c = new SimulatedCluster(42, QuorumConfig.ofVoters(1L, 2L, 3L), T);
        elect(c, 3);
        return c;
    }

    private static void elect(SimulatedCluster c, int synced) {
        c.tickUntil(() -> c.leader() != null && c.syncedWith(c.leader()) >= synced, ROUNDS, synced + " servers synced");
    }

    private static long commit(SimulatedCluster c, String payload) {
        long z = c.propose(c.leader().id(), payload).zxidOrMinusOne();
        assertThat(z).as("proposal accepted").isPositive();
        c.stabilize();
        return z;
    }

    private static long otherThan(long... ids) {
        for (long id = 1; ; id++) {
            final long cand = id;
            if (java.util.Arrays.stream(ids).noneMatch(x -> x == cand)) {
                return cand;
            }
        }
    }

    @Test
    void leaderCrashElectsServerWithHighestZxidNotHighestId() {
        SimulatedCluster c = threeNodes();
        assertThat(c.leader().id()).isEqualTo(3);
        commit(c, "a");
        c.isolate(2);                       // n2 misses the next txns
        long z = commit(c, "b");
        assertThat(c.zab(1).appliedZxid()).isEqualTo(z);
        assertThat(c.zab(2).appliedZxid()).isLessThan(z);
        c.crash(3);
        c.heal();
        elect(c, 2);
        assertThat(c.leader().id()).as("n1 has the higher zxid").isEqualTo(1);
        assertThat(c.leader().epoch()).isEqualTo(2);
        c.stabilize();
        assertThat(c.zab(2).appliedZxid()).isEqualTo(z);
    }

    @Test
    void laggingFollowerIsSyncedWithDiff() {
        SimulatedCluster c = threeNodes();
        c.isolate(1);
        List<Long> zxids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            zxids.add(commit(c, "txn" + i));
        }
        c.tickUntil(() -> c.zab(1).state() == ServerState.LOOKING, ROUNDS, "n1 notices the lost leader");
        c.heal();
        elect(c, 3);
        assertThat(c.syncModesFor(1)).last().isEqualTo(SyncMode.DIFF);
        assertThat(c.zab(1).appliedZxid()).isEqualTo(zxids.get(4));
    }

    @Test
    void followerWithUncommittedTailIsTruncated() {
        SimulatedCluster c = threeNodes();
        long committed = commit(c, "a");
        c.isolate(3);                                  // the leader alone
        long orphan = c.propose(3, "orphan").zxidOrMinusOne();
        c.stabilize();
        assertThat(c.zab(3).lastLoggedZxid()).isEqualTo(orphan);
        c.tickUntil(() -> c.leader() != null && c.leader().id() != 3 && c.syncedWith(c.leader()) == 2, ROUNDS,
                "n1+n2 elect a new leader");
        long after = commit(c, "b");
        c.heal();
        elect(c, 3);
        assertThat(c.syncModesFor(3)).last().isEqualTo(SyncMode.TRUNC);
        assertThat(c.zab(3).historyContains(orphan)).isFalse();
        assertThat(c.zab(3).appliedZxid()).isEqualTo(after);
        assertThat(c.zab(3).historyContains(committed)).isTrue();
    }

    @Test
    void wipedFollowerGetsSnapshot() {
        SimulatedCluster c = threeNodes();
        for (int i = 0; i < 4; i++) {
            commit(c, "t" + i);
        }
        long leader = c.leader().id();
        c.compact(leader);
        long victim = otherThan(leader);
        c.wipe(victim);
        c.restart(victim);
        elect(c, 3);
        assertThat(c.syncModesFor(victim)).last().isEqualTo(SyncMode.SNAP);
        assertThat(c.node(victim).stateMachine().chain()).isEqualTo(c.node(leader).stateMachine().chain());
        long z = commit(c, "after-snap");
        assertThat(c.zab(victim).appliedZxid()).isEqualTo(z);
    }

    @Test
    void minorityPartitionCannotCommitAndHealCatchesUp() {
        SimulatedCluster c = threeNodes();
        commit(c, "a");
        c.partition(List.of(List.of(3L), List.of(1L, 2L)));
        long stale = c.propose(3, "minority").zxidOrMinusOne();
        for (int i = 0; i < 3; i++) {
            c.tickAll();
        }
        assertThat(c.zab(3).committedZxid()).isLessThan(stale);
        c.tickUntil(() -> c.leader() != null && c.leader().id() != 3 && c.syncedWith(c.leader()) == 2, ROUNDS,
                "majority side elects");
        assertThat(c.zab(3).state()).as("old leader stepped down").isNotEqualTo(ServerState.LEADING);
        long majority = commit(c, "majority");
        c.heal();
        elect(c, 3);
        for (long id = 1; id <= 3; id++) {
            assertThat(c.zab(id).appliedZxid()).isEqualTo(majority);
            assertThat(c.zab(id).historyContains(stale)).isFalse();
        }
    }

    @Test
    void pipelinedProposalsCommitInOrderWithDelayedPersistence() {
        SimulatedCluster c = threeNodes();
        long leader = c.leader().id();
        List<Long> zs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            zs.add(c.propose(leader, "p" + i).zxidOrMinusOne());
        }
        assertThat(zs).isSorted().doesNotHaveDuplicates();
        assertThat(c.zab(leader).committedZxid()).as("nothing committed before acks").isLessThan(zs.get(0));
        c.stabilize();
        for (long id = 1; id <= 3; id++) {
            assertThat(c.zab(id).appliedZxid()).isEqualTo(zs.get(19));
        }
    }

    @Test
    void followerForwardsRequestsAndSyncCompletesAfterApply() {
        SimulatedCluster c = threeNodes();
        List<long[]> synced = new ArrayList<>();
        c.onSyncCompleted((node, token) -> synced.add(new long[] {node, token, c.zab(node).appliedZxid()}));
        assertThat(c.forward(1, "W|c1|1|7")).isTrue();
        assertThat(c.sync(1, 99)).isTrue();
        c.stabilize();
        assertThat(synced).isEmpty(); // needs a leadership-confirming ping round
        c.tickAll();
        assertThat(synced).hasSize(1);
        assertThat(synced.get(0)[1]).isEqualTo(99);
        assertThat(c.node(1).stateMachine().value()).isEqualTo(7);
    }

    @Test
    void followerWithoutLeaderTrafficGoesLookingAndLeaderWithoutQuorumStepsDown() {
        SimulatedCluster c = threeNodes();
        c.isolate(3);
        for (int i = 0; i <= T.syncLimit() + 1; i++) {
            c.tickAll();
        }
        assertThat(c.zab(3).state()).isNotEqualTo(ServerState.LEADING);
        elect(c, 2);
        assertThat(c.leader().id()).isNotEqualTo(3);
    }

    @Test
    void aFollowerTheLeaderGaveUpOnLearnsItAtItsNextPacket() {
        SimulatedCluster c = threeNodes();
        long leader = c.leader().id();
        long paused = otherThan(leader);
        long running = otherThan(leader, paused);
        // The paused follower's process does not run: it gets no ticks and, cut off, no messages,
        // while the others tick past syncLimit and the leader gives up on it.
        c.isolate(paused);
        for (int i = 0; i <= T.syncLimit() + 1; i++) {
            c.tick(leader);
            c.tick(running);
            c.stabilize();
        }
        c.heal();
        assertThat(c.zab(leader).state()).isEqualTo(ServerState.LEADING);
        assertThat(c.zab(paused).state()).as("its own clock has not moved").isEqualTo(ServerState.FOLLOWING);

        // It runs again and forwards its clients' keep-alives: the leader answers that the connection
        // is gone, so it rejoins at once instead of a syncLimit later.
        int syncsBefore = c.syncModesFor(paused).size();
        c.forward(paused, "keep-alive");
        c.stabilize();
        assertThat(c.syncModesFor(paused)).as("rejoined (synced again) without a tick").hasSize(syncsBefore + 1);
        assertThat(c.zab(paused).state()).isEqualTo(ServerState.FOLLOWING);
        assertThat(c.zab(paused).leaderId()).isEqualTo(leader);
    }

    @Test
    void observerNeverVotesButLearnsCommits() {
        SimulatedCluster c = new SimulatedCluster(7, QuorumConfig.of(0, List.of(1L, 2L, 3L), List.of(4L)), T);
        elect(c, 4);
        assertThat(c.zab(4).state()).isEqualTo(ServerState.OBSERVING);
        assertThat(c.zab(4).currentVote().leaderId()).isEqualTo(c.leader().id());
        long z = commit(c, "x");
        assertThat(c.zab(4).appliedZxid()).isEqualTo(z);
        c.crash(2);
        c.crash(3);
        for (int i = 0; i < 40; i++) {
            c.tickAll();
        }
        assertThat(c.leader()).as("one voter + one observer is no quorum").isNull();
        assertThat(c.zab(4).state()).isNotEqualTo(ServerState.LEADING);
        c.restart(2);
        elect(c, 3);
        assertThat(c.leader().id()).isIn(1L, 2L);
    }

    @Test
    void reconfigAddsAJoiningServer() {
        SimulatedCluster c = threeNodes();
        QuorumConfig old = c.leader().config();
        c.addNode(4, old);                       // starts with the current config: a non-voting participant
        c.tickUntil(() -> c.zab(4).isSyncedLearner(), ROUNDS, "n4 joins as non-voting follower");
        assertThat(c.zab(4).state()).isEqualTo(ServerState.FOLLOWING);
        QuorumConfig next = QuorumConfig.of(0, List.of(1L, 2L, 3L, 4L), List.of());
        long z = c.reconfig(c.leader().id(), next).zxidOrMinusOne();
        assertThat(z).isPositive();
        c.stabilize();
        for (long id = 1; id <= 4; id++) {
            assertThat(c.zab(id).config().voters()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(c.zab(id).config().version()).isEqualTo(z);
        }
        commit(c, "with-four");
        c.crash(1);
        c.crash(2);
        for (int i = 0; i < 20; i++) {
            c.tickAll();
        }
        assertThat(c.leader()).as("2 of 4 voters is no quorum").isNull();
    }

    @Test
    void reconfigRemovesTheLeaderWhichHandsOff() {
        SimulatedCluster c = threeNodes();
        assertThat(c.leader().id()).isEqualTo(3);
        long z = c.reconfig(3, QuorumConfig.of(0, List.of(1L, 2L), List.of())).zxidOrMinusOne();
        assertThat(z).isPositive();
        c.stabilize();
        assertThat(c.zab(3).state()).isNotEqualTo(ServerState.LEADING);
        elect(c, 2);
        assertThat(c.leader().id()).isIn(1L, 2L);
        long after = commit(c, "after-removal");
        assertThat(c.zab(1).appliedZxid()).isEqualTo(after);
        c.crash(3);
        long more = commit(c, "n3 not needed");
        assertThat(c.zab(2).appliedZxid()).isEqualTo(more);
    }

    @Test
    void reconfigRemovesAFollower() {
        SimulatedCluster c = threeNodes();
        long z = c.reconfig(3, QuorumConfig.of(0, List.of(2L, 3L), List.of())).zxidOrMinusOne();
        c.stabilize();
        assertThat(c.zab(2).config().version()).isEqualTo(z);
        c.crash(1);
        long after = commit(c, "two voters");
        assertThat(c.zab(2).appliedZxid()).isEqualTo(after);
    }

    @Test
    void refusedReconfigs() {
        SimulatedCluster c = threeNodes();
        long l = c.leader().id();
        assertThat(c.reconfig(l, QuorumConfig.ofVoters(1L, 2L, 3L)))
                .isEqualTo(new ProposeResult.Refused(RefusalReason.BAD_CONFIG));
        assertThat(c.reconfig(l, QuorumConfig.ofVoters(3L, 4L, 5L)))
                .isEqualTo(new ProposeResult.Refused(RefusalReason.NEW_CONFIG_NO_QUORUM));
        assertThat(c.reconfig(l, QuorumConfig.ofVoters(2L, 3L))).isInstanceOf(ProposeResult.Accepted.class);
        assertThat(c.reconfig(l, QuorumConfig.ofVoters(1L, 3L)))
                .isEqualTo(new ProposeResult.Refused(RefusalReason.RECONFIG_IN_PROGRESS));
        assertThat(c.reconfig(1, QuorumConfig.ofVoters(1L, 3L)))
                .isEqualTo(new ProposeResult.Refused(RefusalReason.NOT_LEADER));
        assertThat(c.propose(1, "x")).isEqualTo(new ProposeResult.Refused(RefusalReason.NOT_LEADER));
    }

    @Test
    void singleServerEnsembleLeadsAlone() {
        SimulatedCluster c = new SimulatedCluster(3, QuorumConfig.ofVoters(1L), T);
        elect(c, 1);
        long z = commit(c, "solo");
        assertThat(c.zab(1).appliedZxid()).isEqualTo(z);
        c.crash(1);
        c.restart(1);
        elect(c, 1);
        assertThat(c.leader().epoch()).isEqualTo(2);
        assertThat(c.zab(1).appliedZxid()).isEqualTo(z);
    }

    @Test
    void restartedFollowerKeepsDurableStateAndDoesNotReapply() {
        SimulatedCluster c = threeNodes();
        long a = commit(c, "a");
        c.crash(1);
        commit(c, "b");
        c.restart(1);
        assertThat(c.zab(1).appliedZxid()).isEqualTo(a);
        elect(c, 3);
        assertThat(c.node(1).stateMachine().size()).isEqualTo(2);
    }
}
