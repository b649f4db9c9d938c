package org.quorumlab.gui.lessons;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs blocking cluster work that needs the ensemble to make progress (an election, a write, a
 * reconfig). While the cluster is paused, nothing is delivered unless someone steps, so meanwhile
 * this steps every node's oldest held message at a steady pace, as a presenter pressing Step would,
 * until the work completes or its time is up.
 */
final class ProgressPump implements AutoCloseable {

    /**
     * How often the pause state and the node list are re-read (the Teaching tab may pause the
     * nodes too; nodes come and go).
     */
    private static final long PAUSE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final LessonTeaching teaching;
    private final Duration stepInterval;
    private final ExecutorService workers;
    private int stepped;

    ProgressPump(LessonTeaching teaching, Duration stepInterval) {
        this.teaching = teaching;
        this.stepInterval = stepInterval;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lesson-action-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Messages stepped by the last {@link #await} call. */
    int stepped() {
        return stepped;
    }

    /**
     * Runs {@code work}, stepping held messages of {@code endpoints} while the cluster is paused.
     *
     * @throws TimeoutException when {@code timeout} passes first (the work is interrupted)
     * @throws Exception        whatever the work throws
     */
    <T> T await(Callable<T> work, Duration timeout, Supplier<List<String>> endpoints) throws Exception {
        stepped = 0;
        Future<T> f = workers.submit(work);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextPauseCheck = System.nanoTime();
        boolean paused = false;
        List<String> nodes = List.of();
        while (true) {
            try {
                return f.get(stepInterval.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            } catch (TimeoutException e) {
                // still running: step if paused, then wait again
            } catch (InterruptedException e) {
                f.cancel(true);
                throw e;
            }
            if (System.nanoTime() > deadline) {
                f.cancel(true);
                throw new TimeoutException("no result within " + timeout.toSeconds() + " s"
                        + (paused ? " while paused (" + stepped + " held messages stepped)" : ""));
            }
            if (System.nanoTime() >= nextPauseCheck) {
                nodes = endpoints.get();
                paused = teaching.anyPaused(nodes);
                nextPauseCheck = System.nanoTime() + PAUSE_RECHECK_NANOS;
            }
            if (paused) {
                stepped += teaching.stepAll(nodes);
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
