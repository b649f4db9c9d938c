package org.quorumlab.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** A transport whose receiving threads have not run yet holds every posting; one tick is counted, not many. */
class ReceiveGateTest {

    /** Holds {@code afterPendingReceives} callbacks until the test lets its "receiving thread" run. */
    private static final class UnscheduledReceiver implements QuorumTransport {
        final Queue<Runnable> waitingForReceives = new ArrayDeque<>();

        @Override
        public void afterPendingReceives(Runnable then) {
            waitingForReceives.add(then);
        }

        void receivingThreadRuns() {
            Runnable r;
            while ((r = waitingForReceives.poll()) != null) {
                r.run();
            }
        }

        @Override
        public void start(BiConsumer<Long, byte[]> onReceive) {
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public void send(long to, byte[] frame) {
        }

        @Override
        public void setPeers(Map<Long, PeerAddress> peers) {
        }

        @Override
        public LinkFaults faults() {
            return new LinkFaults(1, () -> 1.0);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void postsOnceUntilThePostingReachesItsExecutor() {
        UnscheduledReceiver transport = new UnscheduledReceiver();
        Queue<Runnable> ownerQueue = new ArrayDeque<>();
        List<String> ran = new ArrayList<>();
        ReceiveGate gate = new ReceiveGate(transport);

        assertThat(gate.post(ownerQueue::add, () -> ran.add("tick 1"))).isTrue();
        // The starved process misses four more ticks: none is queued behind the first.
        for (int i = 2; i <= 5; i++) {
            int n = i;
            assertThat(gate.post(ownerQueue::add, () -> ran.add("tick " + n))).isFalse();
        }
        assertThat(ownerQueue).isEmpty();

        transport.receivingThreadRuns();
        assertThat(ownerQueue).hasSize(1);
        // Reached the executor's queue but not run: still in flight.
        assertThat(gate.post(ownerQueue::add, () -> ran.add("tick 6"))).isFalse();

        ownerQueue.poll().run();
        assertThat(ran).containsExactly("tick 1");
        assertThat(gate.post(ownerQueue::add, () -> ran.add("tick 7"))).isTrue();
        transport.receivingThreadRuns();
        ownerQueue.poll().run();
        assertThat(ran).containsExactly("tick 1", "tick 7");
    }
}
