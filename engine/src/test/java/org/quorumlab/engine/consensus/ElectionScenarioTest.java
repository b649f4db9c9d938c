package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.sim.SimulatedCluster;

class ElectionScenarioTest {
    static final Timing T = new Timing(1, 4, 1, 10, 5);

    @Test
    void threeNodesElectHighestIdAndCommit() {
        SimulatedCluster c = new SimulatedCluster(1, QuorumConfig.ofVoters(1L, 2L, 3L), T);
        c.tickUntil(() -> c.leader() != null && c.syncedWith(c.leader()) == 3, 20, "leader + 2 synced");
        ZabNode l = c.leader();
        assertThat(l.id()).isEqualTo(3); // equal zxids and epochs: highest id wins
        assertThat(l.epoch()).isEqualTo(1);
        assertThat(l.learners()).extracting(LearnerStatus::sid).containsExactly(1L, 2L);
        assertThat(l.learners()).allMatch(LearnerStatus::synced);
        long z = c.propose(3, "hello").zxidOrMinusOne();
        assertThat(z).isEqualTo(Zxid.make(1, 1));
        c.stabilize();
        for (long id = 1; id <= 3; id++) {
            assertThat(c.zab(id).appliedZxid()).as("n%d applied", id).isEqualTo(z);
        }
    }
}
