package org.quorumlab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The phases of waiting for a leader: hold, resume once in sync, replay in arrival order, give up. */
class LeaderWaitTest {

    private final LeaderWait wait = new LeaderWait(2_000);

    private static Request request(int xid, long receivedNanos) {
        return new Request(null, 1, xid, 4, new byte[0], List.of(), receivedNanos);
    }

    @Test
    void replaysOnlyOnceEverythingTheLeaderSyncedIsApplied() {
        wait.begin(1_000);
        wait.hold(request(3, 30));
        assertThat(wait.readyToReplay(Long.MAX_VALUE)).as("no leader yet").isFalse();
        wait.resumeWhenApplied(0x100000005L);
        assertThat(wait.readyToReplay(0x100000004L)).as("sync not applied yet").isFalse();
        assertThat(wait.readyToReplay(0x100000005L)).isTrue();
        List<Request> replay = wait.takeReplay(List.of(request(1, 10), request(2, 20)));
        assertThat(replay).extracting(Request::xid).as("in-flight first, in arrival order").containsExactly(1, 2, 3);
        assertThat(wait.isWaiting()).isFalse();
    }

    @Test
    void losingTheNextLeaderBeforeTheReplayStartsOverButKeepsTheFirstLossTime() {
        wait.begin(1_000);
        wait.resumeWhenApplied(50);
        wait.begin(1_500);
        assertThat(wait.readyToReplay(100)).as("the resume point belonged to the lost leader").isFalse();
        assertThat(wait.waitedMillis(2_000)).isEqualTo(1_000);
        assertThat(wait.pastMaxHold(3_000)).isFalse();
        assertThat(wait.pastMaxHold(3_001)).isTrue();
    }

    @Test
    void aSessionWaitsAThirdOfItsTimeoutAtMostTheServersBound() {
        assertThat(wait.holdLimitMillis(3_000)).isEqualTo(1_000);
        assertThat(wait.holdLimitMillis(30_000)).isEqualTo(2_000);
    }

    @Test
    void abandonDropsWhatWasHeld() {
        wait.begin(0);
        wait.hold(request(1, 1));
        wait.holdConnect(() -> { });
        assertThat(wait.abandon()).isEqualTo(1);
        assertThat(wait.isWaiting()).isFalse();
        assertThat(wait.takeConnects()).isEmpty();
    }
}
