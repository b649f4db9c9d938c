package org.quorumlab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Quorum work overtakes queued client work on the owner thread; each lane keeps its own order. */
class OwnerThreadTest {

    private final LatencyHistogram delays = new LatencyHistogram();
    private final AtomicLong maxDelay = new AtomicLong();

    @Test
    void priorityTasksRunBeforeEveryQueuedClientTask() throws Exception {
        OwnerThread owner = new OwnerThread("owner-test", delays, maxDelay);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch blocker = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        owner.execute(() -> {
            started.countDown();
            await(blocker);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // while the owner is busy: a backlog of client work, then quorum messages
        for (int i = 0; i < 100; i++) {
            int n = i;
            owner.execute(() -> ran.add("client-" + n));
        }
        owner.executePriority(() -> ran.add("ping"), true);
        owner.executePriority(() -> ran.add("tick"), false);
        owner.executePriority(() -> ran.add("commit"), true);
        CountDownLatch done = new CountDownLatch(1);
        owner.execute(done::countDown);
        blocker.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.subList(0, 3)).containsExactly("ping", "tick", "commit");
        assertThat(ran.subList(3, ran.size())).hasSize(100).startsWith("client-0", "client-1").endsWith("client-99");
        assertThat(sum(delays.counts())).as("measured priority tasks").isEqualTo(2);
        assertThat(maxDelay.get()).as("the quorum messages waited for the running task").isPositive();
        owner.shutdown(10, TimeUnit.SECONDS);
    }

    @Test
    void isOwnerOnlyOnTheOwnerThreadAndAFailingTaskDoesNotStopIt() throws Exception {
        OwnerThread owner = new OwnerThread("owner-test", delays, maxDelay);
        assertThat(owner.isOwner()).isFalse();
        owner.execute(() -> {
            throw new IllegalStateException("a bug in one task");
        });
        CountDownLatch ranOnOwner = new CountDownLatch(1);
        owner.execute(() -> {
            if (owner.isOwner()) {
                ranOnOwner.countDown();
            }
        });
        assertThat(ranOnOwner.await(10, TimeUnit.SECONDS)).isTrue();
        owner.shutdown(10, TimeUnit.SECONDS);
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
