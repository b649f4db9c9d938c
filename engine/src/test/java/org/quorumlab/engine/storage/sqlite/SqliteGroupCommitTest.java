package org.quorumlab.engine.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.GroupCommitStats;
import org.quorumlab.engine.storage.LogEntry;

/** {@link GroupCommitLog} on a real SQLite log: concurrent producers share fsyncs, and everything is on disk. */
class SqliteGroupCommitTest {

    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 500;

    @TempDir
    Path dataDir;

    private final Object zxidLock = new Object();
    private long nextZxid = 1;

    private CompletableFuture<Long> appendNext(GroupCommitLog groupLog, int thread) {
        synchronized (zxidLock) {
            long zxid = nextZxid++;
            return groupLog.appendAsync(new LogEntry(zxid, ("thread-" + thread + "-zxid-" + zxid).getBytes()));
        }
    }

    @Test
    void concurrentAppendsShareBatchesAndAreAllDurable() throws Exception {
        int total = THREADS * APPENDS_PER_THREAD;
        GroupCommitStats stats;
        try (SqliteStorage storage = SqliteStorage.open(dataDir)) {
            GroupCommitLog groupLog = new GroupCommitLog(storage.txnLog());
            ExecutorService producers = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<CompletableFuture<Long>>>> perThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                perThread.add(producers.submit(() -> {
                    start.await();
                    List<CompletableFuture<Long>> futures = new ArrayList<>();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                        futures.add(appendNext(groupLog, thread));
                    }
                    return futures;
                }));
            }
            start.countDown();
            List<CompletableFuture<Long>> all = new ArrayList<>();
            for (Future<List<CompletableFuture<Long>>> futures : perThread) {
                all.addAll(futures.get(60, TimeUnit.SECONDS));
            }
            producers.shutdown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(all).extracting(CompletableFuture::join).doesNotHaveDuplicates().hasSize(total);
            stats = groupLog.stats();
            groupLog.flushAndClose();
        }

        assertThat(stats.entries()).isEqualTo(total);
        assertThat(stats.batches()).isLessThan(total);
        assertThat(stats.largestBatch()).isGreaterThan(1);
        try (SqliteStorage reopened = SqliteStorage.open(dataDir)) {
            List<LogEntry> entries = reopened.txnLog().readAfter(0, total + 1);
            assertThat(entries).extracting(LogEntry::zxid).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(reopened.txnLog().lastZxid()).isEqualTo(total);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteStorage.DB_FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), max(entry_count) FROM txnlog_batches")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("one row per group-commit batch").isEqualTo(stats.batches());
            assertThat(rows.getLong(2)).isEqualTo(stats.largestBatch());
        }
    }
}
