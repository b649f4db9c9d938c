package org.quorumlab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.tree.DataTree;

/**
 * Session expiry waits while teaching mode suspends it, then every session gets a full timeout; a
 * stall of the server itself (housekeeping not run for more than {@link Housekeeping#STALL_TICKS}
 * ticks) renews every session instead of expiring them.
 */
class HousekeepingTest {

    private static final int TICK = 100;
    private static final int TIMEOUT = 1_000;

    private final SessionTracker sessions = new SessionTracker(1, TICK, 0);
    private final Housekeeping housekeeping = new Housekeeping(new ServerConfigBuilder().tickTime(TICK).build(),
            sessions, 0);
    private final List<Long> expired = new ArrayList<>();
    private final DataTree tree = new DataTree();

    private final Housekeeping.Actions actions = new Housekeeping.Actions() {
        @Override
        public void expire(long sessionId) {
            expired.add(sessionId);
        }

        @Override
        public void submitInternal(long sessionId, int type, byte[] body) {
        }

        @Override
        public void forwardToLeader(Request request) {
            forwarded.add(new JuteInput(request.body()).readVector(JuteInput::readLong));
        }

        @Override
        public java.util.Collection<Long> connectedSessions() {
            return connected;
        }
    };
    private final List<List<Long>> forwarded = new ArrayList<>();
    private final java.util.Set<Long> connected = new java.util.TreeSet<>();

    private void runAsLearner(long nowMs, boolean serving) {
        housekeeping.run(nowMs, nowMs * 1_000_000, false, serving, false, tree, actions);
        lastRunMs = nowMs;
    }

    @Test
    void aLearnerForwardsItsClientsKeepAlivesAndAfterItsOwnStallEveryConnectedSession() {
        connected.addAll(List.of(7L, 8L, 9L));
        housekeeping.touched(7);
        runAsLearner(100, true);
        assertThat(forwarded).containsExactly(List.of(7L));
        runAsLearner(200, true);
        assertThat(forwarded).as("nothing new to tell").hasSize(1);
        // the learner did not run for 1.5 s: its clients' pings are still unread in the sockets
        runAsLearner(1_700, true);
        assertThat(forwarded).hasSize(2);
        assertThat(forwarded.get(1)).containsExactlyInAnyOrder(7L, 8L, 9L);
    }

    @Test
    void keepAlivesSeenWithoutALeaderAreForwardedOnceServingAgain() {
        housekeeping.touched(7);
        runAsLearner(100, false);
        runAsLearner(200, false);
        assertThat(forwarded).as("no leader to tell").isEmpty();
        runAsLearner(300, true);
        assertThat(forwarded).containsExactly(List.of(7L));
    }

    private long lastRunMs;
    private boolean lastSuspended;

    /**
     * Runs housekeeping at every tick up to {@code nowMs}, as the server's ticker does (teaching mode
     * as it was at the previous call), then at {@code nowMs} with {@code suspended}.
     */
    private void run(long nowMs, boolean suspended) {
        for (long t = lastRunMs + TICK; t < nowMs; t += TICK) {
            runOnce(t, lastSuspended);
        }
        runOnce(nowMs, suspended);
    }

    private void runOnce(long nowMs, boolean suspended) {
        housekeeping.run(nowMs, nowMs * 1_000_000, true, true, suspended, tree, actions);
        lastRunMs = nowMs;
        lastSuspended = suspended;
    }

    @Test
    void sessionsDoNotExpireWhileSuspendedAndAreRenewedAfterwards() {
        sessions.add(7, TIMEOUT, 0);
        sessions.add(8, TIMEOUT, 500);
        runOnce(0, true);
        run(5_000, true);
        assertThat(expired).isEmpty();

        run(6_000, false);
        assertThat(expired).as("renewed when expiry resumes").isEmpty();
        run(6_900, false);
        assertThat(expired).isEmpty();
        run(7_200, false);
        assertThat(expired).containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void aStallOfTheServerItselfIsNotCountedAgainstItsSessions() {
        sessions.add(7, TIMEOUT, 0);
        run(500, false);
        // nothing ran for 2 s (GC pause, starved CPU): the clients' keep-alives are still unread
        runOnce(2_500, false);
        assertThat(expired).as("no expiry right after the stall").isEmpty();
        run(3_400, false);
        assertThat(expired).as("a full timeout from the end of the stall").isEmpty();
        run(3_600, false);
        assertThat(expired).containsExactly(7L);
    }

    @Test
    void aGapOfThreeTicksIsNotAStall() {
        sessions.add(7, TIMEOUT, 0);
        run(900, false);
        runOnce(900 + Housekeeping.STALL_TICKS * TICK, false);
        assertThat(expired).as("expired on time: a gap of " + Housekeeping.STALL_TICKS + " ticks is normal jitter")
                .containsExactly(7L);
    }

    @Test
    void withoutSuspensionSessionsExpireOnTime() {
        sessions.add(7, TIMEOUT, 0);
        run(1_050, false);
        assertThat(expired).isEmpty();
        run(1_100, false);
        assertThat(expired).containsExactly(7L);
    }
}
