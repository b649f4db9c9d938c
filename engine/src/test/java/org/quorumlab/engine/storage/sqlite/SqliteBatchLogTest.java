package org.quorumlab.engine.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.TxnLog;
import org.slf4j.LoggerFactory;

/**
 * What the contract tests cannot see of the SQLite log: the rows it writes (one per batch, cut inside on truncate
 * and purge), corruption of a row, and the migration of a log stored one row per entry.
 */
class SqliteBatchLogTest {

    @TempDir
    Path tempDir;

    private final ListAppender<ILoggingEvent> migrationLog = new ListAppender<>();
    private final Logger migrationLogger = (Logger) LoggerFactory.getLogger(SqliteLogMigration.class);

    @BeforeEach
    void captureMigrationLog() {
        migrationLog.start();
        migrationLogger.addAppender(migrationLog);
    }

    @AfterEach
    void releaseMigrationLog() {
        migrationLogger.detachAppender(migrationLog);
    }

    private Path dataDir() {
        return tempDir.resolve("data");
    }

    private Path dbFile() {
        return dataDir().resolve(SqliteStorage.DB_FILE_NAME);
    }

    private static LogEntry entry(long zxid) {
        return new LogEntry(zxid, ("txn-" + zxid).getBytes(StandardCharsets.UTF_8));
    }

    private static List<LogEntry> entries(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).mapToObj(SqliteBatchLogTest::entry).toList();
    }

    /** A storage whose log holds three rows: zxids 1-5, 6-10 and 11-13. */
    private SqliteStorage openWithThreeRows() {
        SqliteStorage storage = SqliteStorage.open(dataDir());
        storage.txnLog().append(entries(1, 5));
        storage.txnLog().append(entries(6, 10));
        storage.txnLog().append(entries(11, 13));
        return storage;
    }

    /** (first_zxid, last_zxid, entry_count) of every row, read by a connection of its own. */
    private List<List<Long>> rows() throws Exception {
        List<List<Long>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT first_zxid, last_zxid, entry_count FROM txnlog_batches ORDER BY first_zxid")) {
            while (result.next()) {
                rows.add(List.of(result.getLong(1), result.getLong(2), result.getLong(3)));
            }
        }
        return rows;
    }

    private String query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row for %s", sql).isTrue();
            return result.getString(1);
        }
    }

    /** Runs {@code sql} on a connection of its own, as another process (or a failing disk) would. */
    private int execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** Flips every bit of byte {@code offset} of the BLOB of the row starting at {@code firstZxid}, keeping its CRC. */
    private void flipBlobByte(long firstZxid, int offset) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile())) {
            byte[] blob;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT entries FROM txnlog_batches WHERE first_zxid = ?")) {
                select.setLong(1, firstZxid);
                try (ResultSet result = select.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    blob = result.getBytes(1);
                }
            }
            blob[offset] ^= (byte) 0xFF;
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE txnlog_batches SET entries = ? WHERE first_zxid = ?")) {
                write.setBytes(1, blob);
                write.setLong(2, firstZxid);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void eachAppendIsOneRowWithItsRangeCountAndTheCrc32OfItsBlob() throws Exception {
        try (SqliteStorage storage = openWithThreeRows()) {
            assertThat(storage.txnLog().lastZxid()).isEqualTo(13);
        }
        assertThat(rows()).containsExactly(List.of(1L, 5L, 5L), List.of(6L, 10L, 5L), List.of(11L, 13L, 3L));

        // the documented layout, rebuilt here independently: zxid (8 bytes), length (4 bytes), payload
        ByteBuffer expected = ByteBuffer.allocate(3 * 12 + 3 * "txn-11".length());
        for (LogEntry e : entries(11, 13)) {
            expected.putLong(e.zxid()).putInt(e.payload().length).put(e.payload());
        }
        CRC32 crc = new CRC32();
        crc.update(expected.array());
        assertThat(query("SELECT hex(entries) FROM txnlog_batches WHERE first_zxid = 11"))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(expected.array()));
        assertThat(query("SELECT crc32 FROM txnlog_batches WHERE first_zxid = 11"))
                .isEqualTo(Long.toString(crc.getValue()));
    }

    @Test
    void aBatchLargerThanAGroupCommitIsCutIntoRowsAtTheGroupCommitLimits() throws Exception {
        int maxEntries = BatchRowCodec.MAX_ROW_ENTRIES;
        int bigPayload = (int) (BatchRowCodec.MAX_ROW_PAYLOAD_BYTES * 3 / 4);
        List<LogEntry> byCount = entries(1, 2L * maxEntries + 500);
        List<LogEntry> byBytes = List.of(new LogEntry(3001, new byte[bigPayload]),
                new LogEntry(3002, new byte[bigPayload]), entry(3003),
                new LogEntry(3004, new byte[(int) BatchRowCodec.MAX_ROW_PAYLOAD_BYTES + 1]));
        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            storage.txnLog().append(byCount);
            storage.txnLog().append(byBytes);
            assertThat(storage.txnLog().readAfter(999, 3)).isEqualTo(entries(1000, 1002));
            assertThat(storage.txnLog().readAfter(3000, 10)).isEqualTo(byBytes);
        }
        assertThat(rows()).containsExactly(
                List.of(1L, 1000L, 1000L), List.of(1001L, 2000L, 1000L), List.of(2001L, 2500L, 500L),
                List.of(3001L, 3001L, 1L), List.of(3002L, 3003L, 2L), List.of(3004L, 3004L, 1L));
    }

    @Test
    void aTruncateInsideARowRewritesThatRowWithItsHead() throws Exception {
        try (SqliteStorage storage = openWithThreeRows()) {
            storage.txnLog().truncateAfter(7);
            assertThat(rows()).containsExactly(List.of(1L, 5L, 5L), List.of(6L, 7L, 2L));
            storage.txnLog().append(entries(8, 9));
            storage.txnLog().truncateAfter(5);
            assertThat(rows()).containsExactly(List.of(1L, 5L, 5L));
            assertThat(storage.txnLog().lastZxid()).isEqualTo(5);
        }
    }

    @Test
    void aPurgeInsideARowRewritesThatRowWithItsTail() throws Exception {
        try (SqliteStorage storage = openWithThreeRows()) {
            storage.txnLog().purgeThrough(7);
            assertThat(rows()).containsExactly(List.of(8L, 10L, 3L), List.of(11L, 13L, 3L));
            storage.txnLog().purgeThrough(10);
            assertThat(rows()).containsExactly(List.of(11L, 13L, 3L));
            assertThat(storage.txnLog().firstZxid()).isEqualTo(11);
            assertThat(storage.txnLog().readAfter(10, 100)).isEqualTo(entries(11, 13));
        }
    }

    @Test
    void aCorruptBlobIsReportedNamingTheFileAndTheRowAndNothingOfItIsReturned() throws Exception {
        openWithThreeRows().close();
        flipBlobByte(6, 30);

        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            TxnLog log = storage.txnLog();
            assertThat(log.lastZxid()).isEqualTo(13);
            assertThatThrownBy(() -> log.readAfter(0, 100))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(dbFile().toAbsolutePath().toString())
                    .hasMessageContaining("log row first_zxid=0x6 (zxids 0x6..0xa, 5 entries)")
                    .hasMessageContaining("fails its CRC32 check");
            assertThatThrownBy(() -> log.readAfter(7, 1))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("first_zxid=0x6");
            // rows before and after the damaged one are still readable
            assertThat(log.readAfter(0, 5)).isEqualTo(entries(1, 5));
            assertThat(log.readAfter(10, 100)).isEqualTo(entries(11, 13));

            // a cut that would have to rewrite the damaged row fails and changes nothing
            assertThatThrownBy(() -> log.truncateAfter(8))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("first_zxid=0x6");
            assertThat(log.lastZxid()).isEqualTo(13);
            assertThat(rows()).hasSize(3);
        }
    }

    @Test
    void aRowWhoseColumnsDisagreeWithItsBlobIsReported() throws Exception {
        openWithThreeRows().close();
        assertThat(execute("UPDATE txnlog_batches SET entry_count = 4 WHERE first_zxid = 6")).isEqualTo(1);

        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            assertThatThrownBy(() -> storage.txnLog().readAfter(5, 100))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("log row first_zxid=0x6 (zxids 0x6..0xa, 4 entries)")
                    .hasMessageContaining("not the row's last zxid");
        }
        assertThat(execute("UPDATE txnlog_batches SET entry_count = 5, first_zxid = 7 WHERE first_zxid = 6"))
                .isEqualTo(1);
        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            assertThatThrownBy(() -> storage.txnLog().readAfter(5, 100))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("log row first_zxid=0x7")
                    .hasMessageContaining("not the row's first zxid");
        }
    }

    @Test
    void aSchemaTwoLogIsMigratedToBatchRowsOnceWithOneInfoLine() throws Exception {
        List<LogEntry> old = entries(0x101, 0x100 + 2500);
        SchemaTwoDatabase.create(dataDir(), old, 0x100);

        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            TxnLog log = storage.txnLog();
            assertThat(log.readAfter(0, Integer.MAX_VALUE)).isEqualTo(old);
            assertThat(log.readAfter(0x100 + 999, 2)).isEqualTo(entries(0x100 + 1000, 0x100 + 1001));
            assertThat(log.firstZxid()).isEqualTo(0x101);
            assertThat(log.lastZxid()).isEqualTo(0x100 + 2500);
            assertThat(log.purgedThrough()).isEqualTo(0x100);
            assertThat(storage.metadata().get("currentEpoch", 0)).isEqualTo(7);
            log.append(entries(0x100 + 2501, 0x100 + 2502));
        }
        assertThat(migrationLog.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(tuple(Level.INFO, "Migrated 2500 transaction log entries of "
                        + dbFile().toAbsolutePath() + " from one row each to 3 batch row(s) (schema 2 to 3)"));
        assertThat(rows()).extracting(row -> row.get(2)).containsExactly(1000L, 1000L, 500L, 2L);
        assertThat(query("SELECT value FROM storage_info WHERE key = 'schema_version'")).isEqualTo("3");
        assertThat(query("SELECT count(*) FROM sqlite_schema WHERE name = 'txnlog'")).isEqualTo("0");

        try (SqliteStorage reopened = SqliteStorage.open(dataDir())) {
            assertThat(reopened.txnLog().readAfter(0, Integer.MAX_VALUE)).isEqualTo(entries(0x101, 0x100 + 2502));
        }
        assertThat(migrationLog.list).hasSize(1);
    }

    @Test
    void aMigrationThatFailsHalfwayLeavesTheOldSchemaWholeAndIsRetriedAtTheNextOpen() throws Exception {
        SchemaTwoDatabase.create(dataDir(), entries(1, 1500), 0);
        // the new table made in advance, only to hang a failure on the insert of its second row
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE txnlog_batches (first_zxid INTEGER PRIMARY KEY, "
                    + "last_zxid INTEGER NOT NULL, entry_count INTEGER NOT NULL, crc32 INTEGER NOT NULL, "
                    + "entries BLOB NOT NULL)");
            statement.execute("CREATE TRIGGER fail_on_1001 BEFORE INSERT ON txnlog_batches "
                    + "WHEN NEW.first_zxid = 1001 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }

        assertThatThrownBy(() -> SqliteStorage.open(dataDir()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(dbFile().toAbsolutePath().toString())
                .hasMessageContaining("injected failure");
        assertThat(query("SELECT value FROM storage_info WHERE key = 'schema_version'")).isEqualTo("2");
        assertThat(query("SELECT count(*) FROM txnlog")).isEqualTo("1500");
        assertThat(query("SELECT count(*) FROM txnlog_batches")).isEqualTo("0");
        assertThat(migrationLog.list).isEmpty();

        execute("DROP TRIGGER fail_on_1001");
        try (SqliteStorage storage = SqliteStorage.open(dataDir())) {
            assertThat(storage.txnLog().readAfter(0, Integer.MAX_VALUE)).isEqualTo(entries(1, 1500));
        }
        assertThat(rows()).extracting(row -> row.get(2)).containsExactly(1000L, 500L);
        assertThat(migrationLog.list).hasSize(1);
    }

    @Test
    void anOldRowTheNewLogWouldRefuseIsReportedByTheMigration() throws Exception {
        SchemaTwoDatabase.create(dataDir(), List.of(new LogEntry(-4, new byte[] {1}), entry(1)), 0);

        assertThatThrownBy(() -> SqliteStorage.open(dataDir()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(dbFile().toAbsolutePath().toString())
                .hasMessageContaining("txnlog row with zxid 0x" + Long.toHexString(-4L))
                .hasMessageContaining("zxids must be positive");
        assertThat(query("SELECT value FROM storage_info WHERE key = 'schema_version'")).isEqualTo("2");
    }
}
