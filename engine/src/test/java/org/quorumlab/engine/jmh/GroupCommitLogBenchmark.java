package org.quorumlab.engine.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;

/**
 * Durable appends through the group-commit log into SQLite (WAL, synchronous=FULL, so each batch is
 * fsync'd): {@code appendOneDurable} waits for each entry (one fsync per entry), {@code appendBurstDurable}
 * queues {@code burst} entries and waits for the last (they share fsyncs). Results are per entry.
 * The data directory is a temp dir on the default file system ({@code -Djava.io.tmpdir} to move it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GroupCommitLogBenchmark {

    static final int BURST = 64;

    @Param({"1024"})
    public int payloadSize;

    private Path dir;
    private SqliteStorage storage;
    private GroupCommitLog log;
    private byte[] payload;
    private long zxid;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("quorumlab-jmh-log");
        storage = SqliteStorage.open(dir);
        log = new GroupCommitLog(storage.txnLog());
        zxid = storage.txnLog().lastZxid();
        payload = new byte[payloadSize];
        Arrays.fill(payload, (byte) 'x');
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.flushAndClose();
        storage.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long appendOneDurable() {
        return log.appendAsync(new LogEntry(++zxid, payload)).join();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long appendBurstDurable() {
        CompletableFuture<Long> last = null;
        for (int i = 0; i < BURST; i++) {
            last = log.appendAsync(new LogEntry(++zxid, payload));
        }
        return last.join();
    }
}
