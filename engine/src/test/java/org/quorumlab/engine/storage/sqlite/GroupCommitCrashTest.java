package org.quorumlab.engine.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.storage.LogEntry;

/**
 * Kills (SIGKILL) a child JVM that appends through a group-commit log and checks that every append it acknowledged
 * before dying is in the database, and that no batch was left partly written: the rows hold every zxid up to the
 * last exactly once, each row whole. This catches acks sent before commit; it cannot simulate power loss.
 */
class GroupCommitCrashTest {

    private static final int ACKS_BEFORE_KILL = 2000;

    @TempDir
    Path tempDir;

    @Test
    void everyAcknowledgedAppendSurvivesAKill() throws Exception {
        Path dataDir = tempDir.resolve("data");
        Path childErr = tempDir.resolve("child.err");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GroupCommitCrashChild.class.getName(), dataDir.toString())
                .redirectError(childErr.toFile())
                .start();
        List<Long> acked = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readAcks(child.getInputStream(), acked), "crash-child-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acked.size() >= ACKS_BEFORE_KILL || !child.isAlive());
            assertThat(acked.size())
                    .as("child acked too few appends before exiting; its stderr:%n%s", readQuietly(childErr))
                    .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));

        List<Long> ackedZxids = List.copyOf(acked);
        long lastZxid;
        try (SqliteStorage storage = SqliteStorage.open(dataDir)) {
            // reads every row, each checked against its CRC32 and its columns
            List<Long> stored = storage.txnLog().readAfter(0, Integer.MAX_VALUE).stream().map(LogEntry::zxid).toList();
            assertThat(stored).containsAll(ackedZxids);
            assertThat(ackedZxids).as("acks arrive in zxid order, without gaps").isEqualTo(
                    LongStream.rangeClosed(1, ackedZxids.size()).boxed().toList());
            lastZxid = storage.txnLog().lastZxid();
            assertThat(lastZxid).isGreaterThanOrEqualTo(ackedZxids.size());
            assertThat(stored).as("no partial batch: what is stored is every zxid up to the last, once")
                    .isEqualTo(LongStream.rangeClosed(1, lastZxid).boxed().toList());
        }
        // and every row is a whole batch: its entries are its range, within the group-commit limit
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteStorage.DB_FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), sum(entry_count), min(first_zxid), "
                     + "max(last_zxid), sum(entry_count <> last_zxid - first_zxid + 1), max(entry_count) "
                     + "FROM txnlog_batches")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("rows").isPositive();
            assertThat(rows.getLong(2)).as("entries in rows").isEqualTo(lastZxid);
            assertThat(rows.getLong(3)).isEqualTo(1);
            assertThat(rows.getLong(4)).isEqualTo(lastZxid);
            assertThat(rows.getLong(5)).as("rows whose count is not their range").isZero();
            assertThat(rows.getLong(6)).isLessThanOrEqualTo(BatchRowCodec.MAX_ROW_ENTRIES);
        }
    }

    /** Collects the zxid of every complete {@code ACK} line; a line cut off by the kill is ignored. */
    private static void readAcks(InputStream stdout, List<Long> acked) {
        try (Reader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                if (line.toString().startsWith(GroupCommitCrashChild.ACK)) {
                    acked.add(Long.parseLong(line.substring(GroupCommitCrashChild.ACK.length()).trim()));
                }
                line.setLength(0);
            }
        } catch (IOException e) {
            // The pipe closes when the child dies: what was read so far is all we need.
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
