package org.quorumlab.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.Vote;

/** The teaching gate driven by a manual clock and scheduler: every release time is exact. */
class TeachingGateTest {

    private static final long T0 = 1_700_000_000_000L;

    /** Frames handed to the transport, decoded back, in order. */
    private final List<Sent> wire = new ArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ManualTime time = new ManualTime(T0);
    private final TeachingGate gate = new TeachingGate((to, frame) -> wire.add(new Sent(to, MessageCodec.decode(frame))),
            time::now, time, events::add);

    private record Sent(long to, Message message) {
    }

    /** A clock and a scheduler that only move when the test says so. */
    private static final class ManualTime implements TeachingGate.Scheduler {
        private record Task(long due, long seq, Runnable run) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
                ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
        private long now;
        private long seq;

        ManualTime(long start) {
            this.now = start;
        }

        long now() {
            return now;
        }

        @Override
        public void schedule(Runnable task, long delayMs) {
            tasks.add(new Task(now + delayMs, seq++, task));
        }

        void advance(long ms) {
            long target = now + ms;
            while (!tasks.isEmpty() && tasks.peek().due() <= target) {
                Task t = tasks.poll();
                now = t.due();
                t.run().run();
            }
            now = target;
        }
    }

    private static Message proposal(long zxid) {
        return new Message.Peer(1, 7, zxid, new Packet.Proposal(new LogEntry(zxid, new byte[] {1, 2})));
    }

    private static Message commit(long zxid) {
        return new Message.Peer(1, 7, zxid, new Packet.Commit(zxid));
    }

    private static long zxidSent(Sent s) {
        return MessageKind.zxidOf(s.message());
    }

    @Test
    void fastPathSendsAtOnceAndPublishesNothing() {
        gate.send(2, proposal(0x100000001L));
        gate.send(3, commit(0x100000001L));
        assertThat(wire).extracting(Sent::to).containsExactly(2L, 3L);
        assertThat(wire.get(0).message()).usingRecursiveComparison().isEqualTo(proposal(0x100000001L));
        assertThat(events).isEmpty();
        assertThat(gate.state().held()).isEmpty();
        assertThat(time.tasks).isEmpty();
        assertThat(gate.isTeaching()).isFalse();
        assertThat(IntStream.range(0, 5).allMatch(i -> gate.admitTick())).isTrue();
    }

    @Test
    void slowFactorHoldsEachMessageForNMinusOneTimesTenMilliseconds() {
        TeachingGate.Settings s = gate.setSpeed(5);
        assertThat(s).isEqualTo(new TeachingGate.Settings(5, false, 40));
        assertThat(events).containsExactly(new TeachingEvent.TeachingChanged(5, false, 40));

        gate.send(2, proposal(0x100000001L));
        time.advance(15);
        gate.send(3, proposal(0x100000001L));
        assertThat(wire).isEmpty();
        assertThat(gate.state().held()).containsExactly(
                new TeachingGate.Held(1, 2, "PROPOSAL", 0x100000001L, T0, T0 + 40),
                new TeachingGate.Held(2, 3, "PROPOSAL", 0x100000001L, T0 + 15, T0 + 55));

        time.advance(24); // T0 + 39
        assertThat(wire).isEmpty();
        time.advance(1); // T0 + 40
        assertThat(wire).extracting(Sent::to).containsExactly(2L);
        time.advance(15);
        assertThat(wire).extracting(Sent::to).containsExactly(2L, 3L);
        assertThat(events).contains(new TeachingEvent.MessageSent(1, 2, "PROPOSAL", 0x100000001L, T0 + 40),
                new TeachingEvent.MessageDelivered(1, 2, "PROPOSAL"),
                new TeachingEvent.MessageDelivered(2, 3, "PROPOSAL"));
        assertThat(gate.state().held()).isEmpty();
    }

    @Test
    void ticksReachTheCoreEveryNthCallWhileSlowedAndNeverWhilePaused() {
        gate.setSpeed(3);
        List<Boolean> admitted = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> admitted.add(gate.admitTick()));
        assertThat(admitted).containsExactly(false, false, true, false, false, true);
        gate.pause();
        assertThat(IntStream.range(0, 10).noneMatch(i -> gate.admitTick())).isTrue();
        assertThat(gate.isTeaching()).isTrue();
        gate.resume();
        gate.setSpeed(1);
        assertThat(gate.admitTick()).isTrue();
        assertThat(gate.isTeaching()).isFalse();
    }

    @Test
    void pausedMessagesWaitForStepInIdOrder() {
        gate.pause();
        gate.send(2, proposal(0x100000001L));
        gate.send(3, proposal(0x100000001L));
        gate.send(2, commit(0x100000001L));
        time.advance(60_000);
        assertThat(wire).isEmpty();
        assertThat(gate.state().held()).extracting(TeachingGate.Held::deliverTs).containsOnlyNulls();
        assertThat(events).contains(new TeachingEvent.MessageSent(1, 2, "PROPOSAL", 0x100000001L, null));

        assertThat(gate.step()).hasValueSatisfying(h -> assertThat(h.id()).isEqualTo(1));
        assertThat(gate.step()).hasValueSatisfying(h -> assertThat(h.to()).isEqualTo(3));
        assertThat(gate.step()).hasValueSatisfying(h -> assertThat(h.kind()).isEqualTo("COMMIT"));
        assertThat(gate.step()).isEmpty();
        assertThat(wire).extracting(Sent::to).containsExactly(2L, 3L, 2L);
    }

    @Test
    void releasingALaterMessageReleasesOlderOnesToTheSamePeerFirst() {
        gate.pause();
        gate.send(2, proposal(0x100000001L)); // 1
        gate.send(3, proposal(0x100000001L)); // 2
        gate.send(2, proposal(0x100000002L)); // 3
        gate.send(2, commit(0x100000001L));   // 4

        assertThat(gate.release(3)).hasValueSatisfying(h -> assertThat(h.zxid()).isEqualTo(0x100000002L));
        assertThat(wire).extracting(Sent::to).containsExactly(2L, 2L);
        assertThat(wire).extracting(TeachingGateTest::zxidSent).containsExactly(0x100000001L, 0x100000002L);
        assertThat(gate.state().held()).extracting(TeachingGate.Held::id).containsExactly(2L, 4L);
        assertThat(events).containsSubsequence(new TeachingEvent.MessageDelivered(1, 2, "PROPOSAL"),
                new TeachingEvent.MessageDelivered(3, 2, "PROPOSAL"));
        assertThat(gate.release(3)).isEmpty();
        assertThat(gate.release(99)).isEmpty();
    }

    @Test
    void dropDiscardsTheMessageAndReportsIt() {
        gate.pause();
        gate.send(2, proposal(0x100000001L));
        gate.send(2, commit(0x100000001L));
        assertThat(gate.drop(1)).hasValueSatisfying(h -> assertThat(h.kind()).isEqualTo("PROPOSAL"));
        assertThat(events).contains(new TeachingEvent.MessageDropped(1, 2, "PROPOSAL", "clicked"));
        assertThat(gate.drop(1)).isEmpty();
        assertThat(gate.state().held()).extracting(TeachingGate.Held::id).containsExactly(2L);
        gate.resume();
        assertThat(wire).extracting(s -> MessageKind.of(s.message())).containsExactly("COMMIT");
    }

    @Test
    void resumeCountsTheDelayFromNowAndSpeedOneDeliversEverythingAtOnce() {
        gate.setSpeed(11); // 100 ms
        gate.pause();
        gate.send(2, proposal(0x100000001L));
        time.advance(500);
        gate.resume();
        assertThat(gate.state().held()).extracting(TeachingGate.Held::deliverTs).containsExactly(T0 + 600);
        time.advance(99);
        assertThat(wire).isEmpty();
        time.advance(1);
        assertThat(wire).hasSize(1);

        gate.send(3, commit(0x100000001L));
        gate.send(3, commit(0x100000002L));
        TeachingGate.Settings s = gate.setSpeed(1);
        assertThat(s).isEqualTo(new TeachingGate.Settings(1, false, 0));
        assertThat(wire).extracting(TeachingGateTest::zxidSent)
                .containsExactly(0x100000001L, 0x100000001L, 0x100000002L);
        assertThat(gate.isTeaching()).isFalse();
        int before = events.size();
        gate.send(3, commit(0x100000003L));
        assertThat(wire).hasSize(4);
        assertThat(events).hasSize(before);
    }

    @Test
    void resumingWithFactorOneDeliversAtOnce() {
        gate.pause();
        gate.send(2, proposal(0x100000001L));
        gate.send(3, new Message.Notification(1, new Vote(1, 0x100000000L, 1, 1, ServerState.LOOKING),
                QuorumConfig.of(0, List.of(1L, 2L, 3L), List.of())));
        gate.resume();
        assertThat(wire).extracting(s -> MessageKind.of(s.message())).containsExactly("PROPOSAL", "VOTE");
        assertThat(events).containsSubsequence(new TeachingEvent.TeachingChanged(1, true, 0),
                new TeachingEvent.TeachingChanged(1, false, 0), new TeachingEvent.MessageDelivered(2, 3, "VOTE"));
    }

    @Test
    void changingSpeedRetimesHeldMessages() {
        gate.setSpeed(1000);
        gate.send(2, proposal(0x100000001L));
        assertThat(gate.state().held().get(0).deliverTs()).isEqualTo(T0 + 9_990);
        time.advance(100);
        gate.setSpeed(21); // 200 ms after the send
        time.advance(99);
        assertThat(wire).isEmpty();
        time.advance(1);
        assertThat(wire).hasSize(1);
    }

    @Test
    void badFactorsAreRefusedWithoutChangingAnything() {
        gate.setSpeed(4);
        assertThatThrownBy(() -> gate.setSpeed(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..1000");
        assertThatThrownBy(() -> gate.setSpeed(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(gate.settings()).isEqualTo(new TeachingGate.Settings(4, false, 30));
    }

    @Test
    void closedGateHoldsNothingMore() {
        gate.pause();
        gate.send(2, proposal(0x100000001L));
        gate.close();
        assertThat(gate.state().held()).isEmpty();
        time.advance(10_000);
        assertThat(wire).isEmpty();
    }
}
