package org.quorumlab.engine.server;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a server's tree, sessions and consensus state, fed by two lanes. Quorum
 * work (peer messages, consensus ticks, durability reports) goes in the priority lane and always runs
 * before any queued client work, so a heartbeat, vote, proposal, ACK or COMMIT waits at most for the
 * one client task already running, never behind a backlog of client requests. Within a lane tasks
 * run in submission order. Each priority task's wait is reported to {@code priorityDelay}.
 */
final class OwnerThread implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerThread.class);
    private static final long SLOW_TASK_NANOS = 100_000_000L;

    /** A priority task and when it was queued. */
    private record Stamped(Runnable task, long queuedNanos, boolean measured) {
    }

    private final ConcurrentLinkedQueue<Stamped> priority = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> normal = new ConcurrentLinkedQueue<>();
    /** One permit per queued task (either lane), plus one to wake the thread for shutdown. */
    private final Semaphore queued = new Semaphore(0);
    private final LatencyHistogram priorityDelay;
    private final java.util.concurrent.atomic.AtomicLong maxPriorityDelayNanos;
    private final Thread thread;
    private volatile boolean stopping;

    OwnerThread(String name, LatencyHistogram priorityDelay, java.util.concurrent.atomic.AtomicLong maxPriorityDelayNanos) {
        this.priorityDelay = priorityDelay;
        this.maxPriorityDelayNanos = maxPriorityDelayNanos;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Client work (requests, connections, admin queries, housekeeping). */
    @Override
    public void execute(Runnable task) {
        normal.add(task);
        queued.release();
    }

    /** Quorum work; {@code measured} tasks (peer messages) count in the queue-delay histogram. */
    void executePriority(Runnable task, boolean measured) {
        priority.add(new Stamped(task, measured ? System.nanoTime() : 0, measured));
        queued.release();
    }

    boolean isOwner() {
        return Thread.currentThread() == thread;
    }

    private void loop() {
        while (true) {
            try {
                queued.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Stamped urgent = priority.poll();
            Runnable task;
            if (urgent != null) {
                if (urgent.measured()) {
                    long waited = System.nanoTime() - urgent.queuedNanos();
                    priorityDelay.record(waited);
                    maxPriorityDelayNanos.accumulateAndGet(waited, Math::max);
                }
                task = urgent.task();
            } else {
                task = normal.poll();
            }
            if (task == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            long started = System.nanoTime();
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Uncaught exception on the owner thread", e);
            }
            long ran = System.nanoTime() - started;
            if (ran > SLOW_TASK_NANOS) {
                // Everything queued behind it, quorum messages included, waited this long.
                LOG.warn("Owner thread task {} ran {} ms", task.getClass().getName(), ran / 1_000_000);
            }
        }
    }

    /** Stops after the tasks queued so far have run (waits up to {@code timeout}). */
    void shutdown(long timeout, TimeUnit unit) throws InterruptedException {
        execute(() -> stopping = true);
        queued.release();
        thread.join(unit.toMillis(timeout));
    }
}
