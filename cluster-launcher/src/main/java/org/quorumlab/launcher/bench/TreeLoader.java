package org.quorumlab.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Creates many znodes through the official client as fast as the ensemble takes them. Each session
 * keeps up to {@code outstanding} asynchronous creates in flight (a semaphore its callbacks release),
 * so the client never queues more than that and the figure is the ensemble's, not a backlog's. Leaf
 * {@code i} lives under parent {@code i % parents}: no znode gets a million children, whose
 * {@code getChildren} reply would exceed the client's 1 MiB packet limit.
 */
final class TreeLoader {

    static final String ROOT = "/scale";
    /** Leaves per parent the fan-out aims for: 1,000,000 znodes spread under 250 parents. */
    static final int LEAVES_PER_PARENT = 4000;
    static final int MAX_PARENTS = 1000;
    private static final long PROGRESS_EVERY_SECONDS = 10;

    /** What one batch of creates did; {@code firstError} is null when none failed. */
    record Outcome(long created, long failed, String firstError, long nanos) {
        double perSecond() {
            return nanos == 0 ? 0 : created / (nanos / 1e9);
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }

    private final int parents;
    private final byte[] value;
    private final int outstanding;
    private final Duration stallTimeout;
    private final Consumer<String> progress;

    /**
     * @param totalLeaves  every leaf this tree will get (the load and the creates a stopped follower misses)
     * @param stallTimeout a session with no create completing for this long has stalled: the load fails
     */
    TreeLoader(long totalLeaves, byte[] value, int outstanding, Duration stallTimeout, Consumer<String> progress) {
        this.parents = parentsFor(totalLeaves);
        this.value = value.clone();
        this.outstanding = outstanding;
        this.stallTimeout = stallTimeout;
        this.progress = progress;
    }

    static int parentsFor(long totalLeaves) {
        return (int) Math.max(1, Math.min(MAX_PARENTS, (totalLeaves + LEAVES_PER_PARENT - 1) / LEAVES_PER_PARENT));
    }

    int parents() {
        return parents;
    }

    static String leafPath(long leaf, int parents) {
        return ROOT + "/p" + (leaf % parents) + "/n" + leaf;
    }

    /** Creates {@link #ROOT} and its parents, one at a time (a few hundred: not part of the figure). */
    void createParents(ZooKeeper zk) throws KeeperException, InterruptedException {
        zk.create(ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int p = 0; p < parents; p++) {
            zk.create(ROOT + "/p" + p, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }

    /**
     * Creates leaves {@code from} (inclusive) to {@code to} (exclusive), session {@code s} taking every
     * leaf {@code i} with {@code i % sessions == s}, and returns when every create has been answered.
     * Throws {@link IllegalStateException} when a session stalls.
     */
    Outcome createLeaves(List<ZooKeeper> sessions, long from, long to) throws InterruptedException {
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        ExecutorService issuers = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                ZooKeeper zk = sessions.get(s);
                long first = from + s;
                int stride = sessions.size();
                done.add(issuers.submit(() -> {
                    issue(zk, first, to, stride, created, failed, firstError);
                    return null;
                }));
            }
            long total = to - from;
            for (Future<?> f : done) {
                awaitReportingProgress(f, created, failed, total, start);
            }
        } finally {
            issuers.shutdownNow();
        }
        return new Outcome(created.get(), failed.get(), firstError.get(), System.nanoTime() - start);
    }

    private void issue(ZooKeeper zk, long first, long to, int stride, AtomicLong created, AtomicLong failed,
            AtomicReference<String> firstError) throws InterruptedException {
        Semaphore inFlight = new Semaphore(outstanding);
        AsyncCallback.StringCallback answered = (rc, path, ctx, name) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                created.incrementAndGet();
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, KeeperException.Code.get(rc) + " creating " + path);
            }
            inFlight.release();
        };
        for (long leaf = first; leaf < to; leaf += stride) {
            if (!inFlight.tryAcquire(stallTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw stalled(created.get() + failed.get());
            }
            zk.create(leafPath(leaf, parents), value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, answered,
                    null);
        }
        // the last creates of this session answered: every permit is back
        if (!inFlight.tryAcquire(outstanding, stallTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw stalled(created.get() + failed.get());
        }
    }

    private IllegalStateException stalled(long answered) {
        return new IllegalStateException("no create was answered within " + stallTimeout.toSeconds() + " s ("
                + answered + " answered so far)");
    }

    /** Waits for one issuer, printing how far the load got every few seconds (a 1M load takes minutes). */
    private void awaitReportingProgress(Future<?> issuer, AtomicLong created, AtomicLong failed, long total,
            long start) throws InterruptedException {
        while (true) {
            try {
                issuer.get(PROGRESS_EVERY_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.accept(String.format(Locale.ROOT, "  %d/%d created, %d failed, %.0f creates/s",
                        created.get(), total, failed.get(), created.get() / seconds));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof IllegalStateException ise ? ise
                        : new IllegalStateException("creating znodes failed: " + cause, cause);
            }
        }
    }
}
