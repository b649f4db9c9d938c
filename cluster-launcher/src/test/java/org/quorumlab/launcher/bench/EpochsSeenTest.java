package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochsSeenTest {

    @Test
    void oneElectionIsOneChangeEvenWhileTwoServersClaimTheOldEpoch() {
        // As polled in a run: old leader A at epoch 1, new leader B reporting epoch 1 (nothing
        // written in its epoch yet) while A still answers, then B and the followers at epoch 2.
        EpochsSeen seen = new EpochsSeen();
        for (long epoch : new long[] {1, 1, 1, 1, 1, 2, 2, 2}) {
            seen.serving(epoch);
        }
        assertThat(seen.leaderChanges()).isEqualTo(1);
    }

    @Test
    void everyNewEpochIsAChange() {
        EpochsSeen seen = new EpochsSeen();
        seen.serving(1);
        assertThat(seen.leaderChanges()).isZero();
        seen.serving(2);
        seen.serving(4);
        seen.serving(-1); // a server that did not answer
        assertThat(seen.leaderChanges()).isEqualTo(2);
    }
}
