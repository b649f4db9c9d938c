package org.quorumlab.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link GroupCommitLog} against a controllable in-memory log: batching, ordering, poisoning, closing. */
class GroupCommitLogTest {

    private final ControllableTxnLog log = new ControllableTxnLog();
    private GroupCommitLog groupLog;

    @AfterEach
    void close() {
        if (groupLog != null) {
            groupLog.flushAndClose();
        }
    }

    private static LogEntry entry(long zxid) {
        return new LogEntry(zxid, new byte[] {(byte) zxid});
    }

    private static LogEntry entry(long zxid, int size) {
        return new LogEntry(zxid, new byte[size]);
    }

    private static long ack(CompletableFuture<Long> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void completesFuturesWithTheirZxidOnTheWriterThreadInOrder() throws Exception {
        groupLog = new GroupCommitLog(log);
        List<Long> completionOrder = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        // Hold the first commit so every callback is attached before its future completes; a callback attached to
        // an already completed future would run on this thread instead.
        log.holdNextAppend();
        for (long zxid = 1; zxid <= 200; zxid++) {
            futures.add(groupLog.appendAsync(entry(zxid)).whenComplete((z, error) -> {
                completionOrder.add(z);
                threads.add(Thread.currentThread().getName());
            }));
        }
        log.awaitHeld();
        log.release();
        for (int i = 0; i < futures.size(); i++) {
            assertThat(ack(futures.get(i))).isEqualTo(i + 1L);
        }
        assertThat(completionOrder).isEqualTo(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(threads).containsOnly(GroupCommitLog.THREAD_NAME);
        assertThat(log.readAfter(0, 1000)).hasSize(200);
    }

    @Test
    void batchesEverythingQueuedDuringACommitUpToTheEntryLimit() throws Exception {
        groupLog = new GroupCommitLog(log);
        log.holdNextAppend();
        CompletableFuture<Long> first = groupLog.appendAsync(entry(1));
        log.awaitHeld();
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (long zxid = 2; zxid <= 2500; zxid++) {
            queued.add(groupLog.appendAsync(entry(zxid)));
        }
        assertThat(groupLog.stats().queuedEntries()).isEqualTo(2499);
        log.release();

        assertThat(ack(first)).isEqualTo(1);
        assertThat(ack(queued.get(queued.size() - 1))).isEqualTo(2500);
        assertThat(log.batchSizes()).containsExactly(1, 1000, 1000, 499);
        GroupCommitStats stats = groupLog.stats();
        assertThat(stats.batches()).isEqualTo(4);
        assertThat(stats.entries()).isEqualTo(2500);
        assertThat(stats.largestBatch()).isEqualTo(1000);
        assertThat(stats.recentCommitNanos()).hasSize(4);
        assertThat(stats.totalCommitNanos()).isEqualTo(stats.recentCommitNanos().stream().mapToLong(x -> x).sum());
        assertThat(stats.meanBatchSize()).isEqualTo(625.0);
    }

    @Test
    void limitsBatchesByPayloadBytesButLetsAnOversizedEntryGoAlone() throws Exception {
        groupLog = new GroupCommitLog(log);
        log.holdNextAppend();
        groupLog.appendAsync(entry(1));
        log.awaitHeld();
        int mib = 1024 * 1024;
        for (long zxid = 2; zxid <= 10; zxid++) {
            groupLog.appendAsync(entry(zxid, mib));
        }
        groupLog.appendAsync(entry(11, 5 * mib));
        CompletableFuture<Long> last = groupLog.appendAsync(entry(12, 1));
        log.release();

        assertThat(ack(last)).isEqualTo(12);
        assertThat(log.batchSizes()).containsExactly(1, 4, 4, 1, 1, 1);
    }

    @Test
    void rejectsOutOfOrderZxidsIndividually() throws Exception {
        log.append(List.of(entry(1), entry(2)));
        groupLog = new GroupCommitLog(log);

        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(2))))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(ack(groupLog.appendAsync(entry(5)))).isEqualTo(5);
        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(4))))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(ack(groupLog.appendAsync(entry(6)))).isEqualTo(6);
        assertThat(log.readAfter(0, 10)).containsExactly(entry(1), entry(2), entry(5), entry(6));
    }

    @Test
    void aFailingLogFailsTheBatchEveryQueuedEntryAndEveryLaterAppend() throws Exception {
        groupLog = new GroupCommitLog(log);
        assertThat(ack(groupLog.appendAsync(entry(1)))).isEqualTo(1);

        log.holdNextAppend();
        CompletableFuture<Long> failingBatch = groupLog.appendAsync(entry(2));
        log.awaitHeld();
        CompletableFuture<Long> queued3 = groupLog.appendAsync(entry(3));
        CompletableFuture<Long> queued4 = groupLog.appendAsync(entry(4));
        IllegalStateException diskError = new IllegalStateException("disk on fire");
        log.failWith(diskError);
        log.release();

        for (CompletableFuture<Long> future : List.of(failingBatch, queued3, queued4)) {
            assertThatThrownBy(() -> ack(future))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StorageException.class).hasRootCause(diskError);
        }
        CompletableFuture<Long> later = groupLog.appendAsync(entry(5));
        assertThat(later).isCompletedExceptionally();
        assertThatThrownBy(() -> ack(later)).cause().isInstanceOf(StorageException.class);
        assertThat(log.readAfter(0, 10)).containsExactly(entry(1));
        assertThat(groupLog.stats().entries()).isEqualTo(1);
    }

    @Test
    void flushAndCloseWritesEverythingQueuedThenRejectsAppends() throws Exception {
        groupLog = new GroupCommitLog(log);
        log.holdNextAppend();
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(groupLog.appendAsync(entry(1)));
        log.awaitHeld();
        for (long zxid = 2; zxid <= 50; zxid++) {
            futures.add(groupLog.appendAsync(entry(zxid)));
        }
        CompletableFuture<Void> closed = CompletableFuture.runAsync(groupLog::flushAndClose);
        log.release();
        closed.get(30, TimeUnit.SECONDS);

        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(log.lastZxid()).isEqualTo(50);
        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(51))))
                .hasCauseInstanceOf(IllegalStateException.class);
        groupLog.flushAndClose();
    }

    @Test
    void flushAndCloseFromACallbackOnTheWriterThreadDoesNotDeadlock() throws Exception {
        groupLog = new GroupCommitLog(log);
        log.holdNextAppend();
        CompletableFuture<Long> first = groupLog.appendAsync(entry(1));
        List<String> closingThread = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closedInCallback = first.thenAccept(zxid -> {
            closingThread.add(Thread.currentThread().getName());
            groupLog.flushAndClose();
        });
        log.awaitHeld();
        log.release();
        closedInCallback.get(30, TimeUnit.SECONDS);
        assertThat(closingThread).containsExactly(GroupCommitLog.THREAD_NAME);
        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(2))))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void runExclusiveRunsAfterQueuedEntriesAndATruncationAllowsLowerZxids() throws Exception {
        groupLog = new GroupCommitLog(log);
        for (long zxid = 1; zxid <= 4; zxid++) {
            groupLog.appendAsync(entry(zxid));
        }
        List<Long> seenByTask = new CopyOnWriteArrayList<>();
        groupLog.runExclusive(l -> {
            seenByTask.add(l.lastZxid());
            l.truncateAfter(2);
        });
        assertThat(seenByTask).containsExactly(4L);

        assertThat(ack(groupLog.appendAsync(entry(3)))).isEqualTo(3);
        groupLog.flush();
        assertThat(log.readAfter(0, 10)).containsExactly(entry(1), entry(2), entry(3));
    }

    @Test
    void entriesQueuedWhileAnExclusiveTaskWaitsKeepTheirOrderingFloor() throws Exception {
        groupLog = new GroupCommitLog(log);
        for (long zxid = 1; zxid <= 4; zxid++) {
            groupLog.appendAsync(entry(zxid));
        }
        groupLog.flush();
        log.holdNextAppend();
        CompletableFuture<Long> held = groupLog.appendAsync(entry(5));
        log.awaitHeld();
        CompletableFuture<Void> truncation = CompletableFuture.runAsync(
                () -> groupLog.runExclusive(l -> l.truncateAfter(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> groupLog.stats().queuedEntries() == 1);
        CompletableFuture<Long> queuedAfterTask = groupLog.appendAsync(entry(6));
        log.release();
        truncation.get(30, TimeUnit.SECONDS);
        assertThat(ack(held)).isEqualTo(5);
        assertThat(ack(queuedAfterTask)).isEqualTo(6);

        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(3))))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(ack(groupLog.appendAsync(entry(7)))).isEqualTo(7);
        assertThat(log.readAfter(0, 10)).containsExactly(entry(1), entry(2), entry(6), entry(7));
    }

    @Test
    void runExclusiveFromTheWriterThreadFailsInsteadOfDeadlocking() throws Exception {
        groupLog = new GroupCommitLog(log);
        log.holdNextAppend();
        CompletableFuture<Void> nested = groupLog.appendAsync(entry(1)).thenAccept(zxid -> groupLog.flush());
        log.awaitHeld();
        log.release();
        assertThatThrownBy(() -> nested.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(ack(groupLog.appendAsync(entry(2)))).isEqualTo(2);
    }

    @Test
    void aFailingExclusiveTaskPoisonsTheLogAndRethrows() throws Exception {
        groupLog = new GroupCommitLog(log);
        IllegalStateException taskError = new IllegalStateException("bad truncate");
        assertThatThrownBy(() -> groupLog.runExclusive(l -> {
            throw taskError;
        })).isInstanceOf(StorageException.class).hasCause(taskError);
        assertThatThrownBy(() -> ack(groupLog.appendAsync(entry(1))))
                .cause().isInstanceOf(StorageException.class);
        assertThatThrownBy(groupLog::flush).isInstanceOf(StorageException.class);
    }
}
