package org.quorumlab.engine.storage.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.GroupCommitStats;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.TxnLog;

/**
 * Manual throughput check, not a test: raw fsync rate, one-append-per-fsync SQLite rate, and group-commit rates with
 * closed-loop producers (each waits for its ack) and one open-loop producer. Run with the test classpath:
 * {@code java -cp ... org.quorumlab.engine.storage.sqlite.GroupCommitBenchmark [dir] [seconds]}.
 */
public final class GroupCommitBenchmark {

    private static final int PAYLOAD_BYTES = 128;

    private GroupCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("qbench"));
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 3;
        long nanos = TimeUnit.SECONDS.toNanos(seconds);
        System.out.printf("dir=%s, %d s per run, %d-byte payloads, %d cores%n", root, seconds, PAYLOAD_BYTES,
                Runtime.getRuntime().availableProcessors());
        rawFsync(root.resolve("raw.bin"), nanos);
        singleAppends(root.resolve("single"), nanos);
        for (int producers : new int[] {1, 8, 64, 256}) {
            closedLoop(root.resolve("closed-" + producers), producers, nanos);
        }
        openLoop(root.resolve("open"), nanos);
    }

    private static void rawFsync(Path file, long nanos) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES);
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < nanos) {
                buffer.clear();
                channel.write(buffer);
                channel.force(false);
                count++;
            }
            report("raw write+fdatasync", count, System.nanoTime() - start, null);
        }
    }

    private static void singleAppends(Path dir, long nanos) {
        try (SqliteStorage storage = SqliteStorage.open(dir)) {
            TxnLog log = storage.txnLog();
            byte[] payload = new byte[PAYLOAD_BYTES];
            long zxid = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < nanos) {
                log.append(List.of(new LogEntry(++zxid, payload)));
            }
            report("sqlite append, 1 entry per txn", zxid, System.nanoTime() - start, null);
        }
    }

    private static void closedLoop(Path dir, int producers, long nanos) throws Exception {
        try (SqliteStorage storage = SqliteStorage.open(dir)) {
            GroupCommitLog groupLog = new GroupCommitLog(storage.txnLog());
            Object zxidLock = new Object();
            AtomicLong nextZxid = new AtomicLong(1);
            AtomicLong acked = new AtomicLong();
            byte[] payload = new byte[PAYLOAD_BYTES];
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() - start < nanos) {
                        CompletableFuture<Long> future;
                        synchronized (zxidLock) {
                            future = groupLog.appendAsync(new LogEntry(nextZxid.getAndIncrement(), payload));
                        }
                        future.join();
                        acked.incrementAndGet();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long elapsed = System.nanoTime() - start;
            groupLog.flushAndClose();
            report("group commit, " + producers + " closed-loop producers", acked.get(), elapsed, groupLog.stats());
        }
    }

    private static void openLoop(Path dir, long nanos) throws Exception {
        try (SqliteStorage storage = SqliteStorage.open(dir)) {
            GroupCommitLog groupLog = new GroupCommitLog(storage.txnLog());
            Semaphore inFlight = new Semaphore(10_000);
            byte[] payload = new byte[PAYLOAD_BYTES];
            long zxid = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < nanos) {
                inFlight.acquire();
                groupLog.appendAsync(new LogEntry(++zxid, payload)).whenComplete((z, e) -> inFlight.release());
            }
            groupLog.flushAndClose();
            long elapsed = System.nanoTime() - start;
            report("group commit, open loop (10k in flight)", zxid, elapsed, groupLog.stats());
        }
    }

    private static void report(String name, long count, long elapsedNanos, GroupCommitStats stats) {
        double perSecond = count * 1e9 / elapsedNanos;
        String batching = stats == null ? "" : String.format(", %d batches, mean batch %.1f, mean commit %.2f ms,"
                + " max commit %.2f ms", stats.batches(), stats.meanBatchSize(), stats.meanCommitNanos() / 1e6,
                stats.maxCommitNanos() / 1e6);
        System.out.printf("%-45s %9.0f appends/s (%d in %.1f s)%s%n", name, perSecond, count, elapsedNanos / 1e9,
                batching);
    }
}
