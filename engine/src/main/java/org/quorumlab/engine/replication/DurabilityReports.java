package org.quorumlab.engine.replication;

import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * Turns the group-commit log's per-entry completions into at most one pending report on the
 * pipeline thread: one fsync that makes a batch of N entries durable yields one
 * {@code node.persisted(last)} (so a follower sends one cumulative ACK per fsync and the leader
 * re-checks its commit quorum once) instead of N pipeline tasks and N ACK frames.
 *
 * <p>The log completes futures in zxid order, so the latest completion is the durable watermark.
 * A truncation or snapshot install starts a new history ({@link #newHistory()}); reports of the
 * previous history that were still queued are dropped, because the core treats those actions as
 * barriers that already made everything it keeps durable.
 */
final class DurabilityReports {

    private final Executor pipeline;
    private final LongConsumer onDurable;
    /** Pipeline thread only. */
    private long history;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private long reportedHistory;
    /** Guarded by {@link #lock}. */
    private long reportedZxid;
    /** Guarded by {@link #lock}. */
    private boolean deliveryQueued;

    /**
     * @param pipeline  runs the delivery task (the pipeline thread)
     * @param onDurable called on the pipeline thread with the highest zxid known durable
     */
    DurabilityReports(Executor pipeline, LongConsumer onDurable) {
        this.pipeline = pipeline;
        this.onDurable = onDurable;
    }

    /** Pipeline thread: the token to pass to {@link #durable} for entries handed to the log now. */
    long history() {
        return history;
    }

    /** Pipeline thread: the log was truncated or replaced; reports of earlier appends are stale. */
    void newHistory() {
        history++;
    }

    /** Any thread (the log's writer): every entry of {@code history} up to {@code zxid} is durable. */
    void durable(long historyToken, long zxid) {
        boolean queue;
        synchronized (lock) {
            reportedHistory = historyToken;
            reportedZxid = zxid;
            queue = !deliveryQueued;
            deliveryQueued = true;
        }
        if (queue) {
            pipeline.execute(this::deliver);
        }
    }

    private void deliver() {
        long token;
        long zxid;
        synchronized (lock) {
            token = reportedHistory;
            zxid = reportedZxid;
            deliveryQueued = false;
        }
        if (token == history) {
            onDurable.accept(zxid);
        }
    }
}
