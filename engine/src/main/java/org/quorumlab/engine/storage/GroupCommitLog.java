package org.quorumlab.engine.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit in front of a {@link TxnLog}: any thread may call {@link #appendAsync}; a dedicated daemon thread
 * named {@value #THREAD_NAME} becomes the log's owner thread and writes everything queued while the previous fsync
 * ran as one batch (adaptive batching, at most {@value #MAX_BATCH_ENTRIES} entries or {@value #MAX_BATCH_BYTES}
 * payload bytes per batch, a larger single entry going alone). One fsync then acknowledges a whole batch.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A future completes with its zxid only once its entry is durable. Futures complete on the writer thread, in
 *       zxid order; callbacks attached with non-async methods run there and delay the next fsync, so keep them
 *       short or use the {@code *Async} variants.</li>
 *   <li>Zxids must be offered in strictly increasing order, above the log's last zxid. An entry that is not is
 *       rejected on its own (its future fails with {@link IllegalArgumentException}); callers appending from several
 *       threads must assign the zxid and call {@code appendAsync} under one lock.</li>
 *   <li>If the log throws, the log is poisoned: the futures of that batch, of every queued entry and of every later
 *       call fail with a {@link StorageException} whose cause is the log's error. No write that is not durable is
 *       ever acknowledged, and no write is retried.</li>
 *   <li>While this object is open, nothing else may call the {@link TxnLog} except through {@link #runExclusive},
 *       which runs on the writer thread between batches. After {@link #flushAndClose()} the caller owns the log
 *       again; this class never closes it (the {@link Storage} that opened it does).</li>
 *   <li>The queue is unbounded: producers are expected to be bounded by the protocol's own window.</li>
 * </ul>
 */
public final class GroupCommitLog implements AutoCloseable {

    /** Name of the writer thread. */
    public static final String THREAD_NAME = "txnlog-writer";
    /** Most entries written by one batch. */
    public static final int MAX_BATCH_ENTRIES = 1000;
    /** Most payload bytes written by one batch, unless a single entry is larger. */
    public static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    /** How many recent commit durations {@link #stats()} reports. */
    public static final int RECENT_COMMITS_KEPT = 256;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);

    private final TxnLog log;
    private final Thread writer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private long lastQueuedZxid;
    /** Guarded by {@link #lock}. */
    private boolean closing;
    /** Guarded by {@link #lock}; set once when the log failed. */
    private StorageException poison;

    /** Guarded by its own monitor; written by the writer thread, read by metrics. */
    private final CommitCounters counters = new CommitCounters();

    /**
     * Takes ownership of {@code log} and starts the writer thread.
     *
     * @param log a log that no other thread uses from now on
     */
    public GroupCommitLog(TxnLog log) {
        this.log = Objects.requireNonNull(log, "log");
        this.lastQueuedZxid = log.lastZxid();
        this.writer = new Thread(this::runWriter, THREAD_NAME);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Queues {@code entry} for the next batch.
     *
     * @return a future completed with the entry's zxid once it is durable, or failed as described in the class
     *     comment; failed with {@link IllegalStateException} after {@link #flushAndClose()}
     */
    public CompletableFuture<Long> appendAsync(LogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        CompletableFuture<Long> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (poison != null) {
                future.completeExceptionally(poison);
            } else if (closing) {
                future.completeExceptionally(new IllegalStateException("group commit log is closed"));
            } else if (entry.zxid() <= lastQueuedZxid) {
                future.completeExceptionally(new IllegalArgumentException("zxid 0x" + Long.toHexString(entry.zxid())
                        + " does not follow 0x" + Long.toHexString(lastQueuedZxid)
                        + ": zxids must strictly increase"));
            } else {
                lastQueuedZxid = entry.zxid();
                queue.addLast(new Pending(entry, future));
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * Writes everything queued, stops the writer thread and waits for it, unless called from the writer thread
     * itself (from a future callback), in which case it only asks the writer to stop after the current batch and
     * the queued ones. Later {@link #appendAsync} calls fail. Idempotent. Does not close the {@link TxnLog}.
     */
    public void flushAndClose() {
        lock.lock();
        try {
            closing = true;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != writer) {
            joinUninterruptibly();
        }
    }

    /** Same as {@link #flushAndClose()}. */
    @Override
    public void close() {
        flushAndClose();
    }

    /**
     * Runs {@code task} on the writer thread after every entry queued so far is durable and before any later one,
     * and waits for it (e.g. to truncate or read the log). Afterwards zxids must follow the larger of the log's new
     * last zxid and any entry queued meanwhile, so a truncation lets lower zxids be appended again. A failing task
     * poisons the log, and its failure is rethrown here.
     *
     * @throws IllegalStateException if closed, or if called from the writer thread (it would wait for itself)
     * @throws StorageException      if the log is (or becomes) poisoned
     */
    public void runExclusive(Consumer<TxnLog> task) {
        Objects.requireNonNull(task, "task");
        if (Thread.currentThread() == writer) {
            throw new IllegalStateException("runExclusive called from the writer thread, it would wait for itself");
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        lock.lock();
        try {
            if (poison != null) {
                throw poison;
            }
            if (closing) {
                throw new IllegalStateException("group commit log is closed");
            }
            queue.addLast(new Pending(null, done, task));
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        try {
            done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits until every entry queued so far is durable; see {@link #runExclusive} for when it may be called. */
    public void flush() {
        runExclusive(l -> { });
    }

    /** Returns a copy of the counters, safe to call from any thread. */
    public GroupCommitStats stats() {
        int queued;
        lock.lock();
        try {
            queued = queue.size();
        } finally {
            lock.unlock();
        }
        return counters.snapshot(queued);
    }

    private void runWriter() {
        List<Pending> batch = new ArrayList<>();
        while (nextBatch(batch)) {
            Pending exclusive = batch.get(0);
            if (exclusive.task() != null) {
                long lastZxid;
                try {
                    exclusive.task().accept(log);
                    lastZxid = log.lastZxid();
                } catch (Throwable failure) {
                    poisonWith("Exclusive task on the transaction log failed", failure, batch);
                    return;
                }
                resetZxidFloor(lastZxid);
                exclusive.future().complete(lastZxid);
                batch.clear();
                continue;
            }
            List<LogEntry> entries = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                entries.add(pending.entry());
            }
            long start = System.nanoTime();
            try {
                log.append(entries);
            } catch (Throwable failure) {
                poisonWith("Transaction log append failed", failure, batch);
                return;
            }
            counters.recordCommit(batch.size(), System.nanoTime() - start);
            for (Pending pending : batch) {
                pending.future().complete(pending.entry().zxid());
            }
            batch.clear();
        }
        LOG.debug("Writer stopped after flushing the queue");
    }

    /** Fills {@code batch} with queued entries, waiting for one; returns false when closing with nothing queued. */
    private boolean nextBatch(List<Pending> batch) {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                notEmpty.awaitUninterruptibly();
            }
            long bytes = 0;
            if (!queue.isEmpty() && queue.peekFirst().task() != null) {
                batch.add(queue.pollFirst());
                return true;
            }
            while (!queue.isEmpty() && batch.size() < MAX_BATCH_ENTRIES && queue.peekFirst().task() == null) {
                long size = queue.peekFirst().entry().payload().length;
                if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                    break;
                }
                batch.add(queue.pollFirst());
                bytes += size;
            }
            return !batch.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After an exclusive task (run on the writer thread, so nothing queued has been taken yet): later appends must
     * follow the log's last zxid, or the last entry queued while the task ran if there is one.
     */
    private void resetZxidFloor(long logLastZxid) {
        lock.lock();
        try {
            long floor = logLastZxid;
            for (Iterator<Pending> newestFirst = queue.descendingIterator(); newestFirst.hasNext(); ) {
                LogEntry entry = newestFirst.next().entry();
                if (entry != null) {
                    floor = Math.max(floor, entry.zxid());
                    break;
                }
            }
            lastQueuedZxid = floor;
        } finally {
            lock.unlock();
        }
    }

    private void poisonWith(String what, Throwable failure, List<Pending> batch) {
        StorageException error = failure instanceof StorageException storage ? storage
                : new StorageException(what + "; the log is poisoned", failure);
        LOG.error("{} ({} queued items in flight); failing all pending and future appends", what, batch.size(),
                failure);
        List<Pending> failed = new ArrayList<>(batch);
        lock.lock();
        try {
            poison = error;
            failed.addAll(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        for (Pending pending : failed) {
            pending.future().completeExceptionally(error);
        }
        if (failure instanceof Error fatal) {
            throw fatal;
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A queued append, or (entry == null) an exclusive task on the log run between batches. */
    private record Pending(LogEntry entry, CompletableFuture<Long> future, Consumer<TxnLog> task) {
        Pending(LogEntry entry, CompletableFuture<Long> future) {
            this(entry, future, null);
        }
    }

    /** Commit counters; the writer records, any thread copies. */
    private static final class CommitCounters {
        private long batches;
        private long entries;
        private long largestBatch;
        private long lastNanos;
        private long maxNanos;
        private long totalNanos;
        private final long[] recent = new long[RECENT_COMMITS_KEPT];

        synchronized void recordCommit(int batchSize, long nanos) {
            recent[(int) (batches % RECENT_COMMITS_KEPT)] = nanos;
            batches++;
            entries += batchSize;
            largestBatch = Math.max(largestBatch, batchSize);
            lastNanos = nanos;
            maxNanos = Math.max(maxNanos, nanos);
            totalNanos += nanos;
        }

        synchronized GroupCommitStats snapshot(int queued) {
            int kept = (int) Math.min(batches, RECENT_COMMITS_KEPT);
            List<Long> recentOldestFirst = new ArrayList<>(kept);
            for (long i = batches - kept; i < batches; i++) {
                recentOldestFirst.add(recent[(int) (i % RECENT_COMMITS_KEPT)]);
            }
            return new GroupCommitStats(batches, entries, largestBatch, lastNanos, maxNanos, totalNanos,
                    recentOldestFirst, queued);
        }
    }
}
