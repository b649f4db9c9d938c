package org.quorumlab.engine.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.storage.CorruptSnapshotException;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.StorageContractTest;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.TxnLog;

/** Runs the storage contract against {@link SqliteStorage}, plus what only a real file can get wrong. */
class SqliteStorageTest extends StorageContractTest {

    private static final int CHUNK_BYTES = 128 * 1024;

    @TempDir
    Path dataDir;

    @Override
    protected Storage open() {
        return SqliteStorage.open(dataDir.resolve("node-1"), CHUNK_BYTES);
    }

    @Override
    protected int chunkBytes() {
        return CHUNK_BYTES;
    }

    @Override
    protected void corruptChunk(long zxid, int index) throws Exception {
        sql("UPDATE snapshot_chunks SET data = (CASE WHEN substr(data, 1, 1) = x'00' THEN x'01' ELSE x'00' END) "
                + "|| substr(data, 2) WHERE chunk_index = "
                + index + " AND snapshot_id = (SELECT id FROM snapshot_headers WHERE last_zxid = " + zxid + ")");
    }

    /** Runs a statement on a connection of its own, as another process (or a failing disk) would. */
    private int sql(String statementText) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            return statement.executeUpdate(statementText);
        }
    }

    private long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile())) {
            return Long.parseLong(queryString(connection, query));
        }
    }

    private Path dbFile() {
        return dataDir.resolve("node-1").resolve(SqliteStorage.DB_FILE_NAME);
    }

    private String queryString(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void createsTheDataDirectoryAndAWalDatabaseWithASchemaVersion() throws Exception {
        assertThat(dbFile()).isRegularFile();
        storage.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile())) {
            assertThat(queryString(connection, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(queryString(connection, "SELECT value FROM storage_info WHERE key = 'schema_version'"))
                    .isEqualTo("3");
            assertThat(queryString(connection, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema "
                    + "WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name)"))
                    .isEqualTo("metadata,snapshot_chunks,snapshot_headers,storage_info,txnlog_batches");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedByName() throws Exception {
        storage.close();
        Path otherDir = dataDir.resolve("garbage");
        Files.createDirectories(otherDir);
        Path db = otherDir.resolve(SqliteStorage.DB_FILE_NAME);
        Files.write(db, "this is definitely not an SQLite database, just some text padding it out to a page"
                .repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SqliteStorage.open(otherDir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(db.toAbsolutePath().toString());
        storage = open();
    }

    @Test
    void aDatabaseWithItsPagesOverwrittenIsReportedByName() throws Exception {
        storage.close();
        byte[] bytes = Files.readAllBytes(dbFile());
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(dbFile(), bytes);

        assertThatThrownBy(this::open)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(dbFile().toAbsolutePath().toString());
        Files.delete(dbFile());
        storage = open();
    }

    @Test
    void aDataDirectoryThatIsAFileIsReportedByName() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SqliteStorage.open(notADirectory))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(notADirectory.toAbsolutePath().toString());
    }

    @Test
    void aNewerSchemaVersionIsRefused() throws Exception {
        storage.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE storage_info SET value = 99 WHERE key = 'schema_version'");
        }
        assertThatThrownBy(this::open)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining(dbFile().toAbsolutePath().toString());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE storage_info SET value = " + SqliteSchema.VERSION
                    + " WHERE key = 'schema_version'");
        }
        storage = open();
    }

    @Test
    void aBatchThatFailsHalfwayLeavesNothingVisible() throws Exception {
        storage.txnLog().append(entries(1, 2));
        // a batch larger than a group commit's is written as several rows: fail the second one
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER fail_on_1003 BEFORE INSERT ON txnlog_batches "
                    + "WHEN NEW.first_zxid = 1003 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        TxnLog log = storage.txnLog();

        assertThatThrownBy(() -> log.append(entries(3, 1500)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("injected failure")
                .hasMessageContaining(dbFile().toAbsolutePath().toString());
        assertThat(log.lastZxid()).isEqualTo(2);
        assertThat(log.readAfter(0, 10)).isEqualTo(entries(1, 2));
        assertThat(count("SELECT count(*) FROM txnlog_batches")).isEqualTo(1);

        log.append(entries(3, 4));
        restart();
        assertThat(storage.txnLog().readAfter(0, 10)).isEqualTo(entries(1, 4));
    }

    @Test
    void snapshotsCanBeSavedWhileAnotherThreadWritesTheLog() throws Exception {
        TxnLog log = storage.txnLog();
        CompletableFuture<Void> snapshotter = CompletableFuture.runAsync(() -> {
            for (long zxid = 1; zxid <= 20; zxid++) {
                save(storage.snapshots(), zxid, new byte[256 * 1024]);
                storage.metadata().put("snapshots", zxid);
            }
        });
        for (long zxid = 1; zxid <= 200; zxid++) {
            log.append(List.of(new LogEntry(zxid, new byte[100])));
        }
        snapshotter.get(60, TimeUnit.SECONDS);

        restart();
        assertThat(storage.txnLog().readAfter(0, 1000)).hasSize(200);
        assertThat(storage.snapshots().latest()).hasValueSatisfying(s -> assertThat(s.lastZxid()).isEqualTo(20));
        assertThat(read(storage.snapshots(), 20)).isEqualTo(new byte[256 * 1024]);
        assertThat(storage.metadata().get("snapshots", 0)).isEqualTo(20);
    }

    @Test
    void aClosedStoreRefusesCalls() {
        storage.close();
        assertThatThrownBy(() -> storage.txnLog().append(entries(1, 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.snapshots().latest()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.metadata().put("k", 1)).isInstanceOf(IllegalStateException.class);
        storage = open();
    }

    @Test
    void eachChunkIsCommittedAsSoonAsItIsFullWhileTheHeaderStaysIncomplete() throws Exception {
        List<Long> committedWhileWriting = new ArrayList<>();
        SnapshotInfo info = storage.snapshots().save(0x10, 3, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(pattern(CHUNK_BYTES, i));
                try {
                    // read by another connection, as a crash would leave it: the chunk is already durable
                    committedWhileWriting.add(count("SELECT count(*) FROM snapshot_chunks"));
                    assertThat(count("SELECT count(*) FROM snapshot_headers WHERE complete = 1")).isZero();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        });
        assertThat(committedWhileWriting).containsExactly(1L, 2L, 3L);
        assertThat(info.chunkCount()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM snapshot_headers WHERE complete = 1")).isEqualTo(1);
    }

    @Test
    void aMissingChunkIsReported() throws Exception {
        save(storage.snapshots(), 0x20, pattern(3 * CHUNK_BYTES, 7));
        assertThat(sql("DELETE FROM snapshot_chunks WHERE chunk_index = 1")).isEqualTo(1);

        assertThatThrownBy(() -> read(storage.snapshots(), 0x20))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("snapshot at 0x20")
                .hasMessageContaining("chunk 1 of 3 is missing");
    }

    @Test
    void aTruncatedChunkIsReported() throws Exception {
        save(storage.snapshots(), 0x21, pattern(2 * CHUNK_BYTES + 10, 8));
        sql("UPDATE snapshot_chunks SET data = substr(data, 1, 5) WHERE chunk_index = 2");

        assertThatThrownBy(() -> read(storage.snapshots(), 0x21))
                .isInstanceOf(CorruptSnapshotException.class)
                .hasMessageContaining("chunk 2 of 3 fails its CRC32C check");
    }

    @Test
    void aSnapshotWhoseHeaderIsNotMarkedCompleteIsIgnoredAndLaterRemoved() throws Exception {
        SnapshotInfo complete = save(storage.snapshots(), 0x30, pattern(CHUNK_BYTES + 1, 9));
        // what a crash in the middle of a save leaves: a newer header never marked complete, and some chunks
        sql("INSERT INTO snapshot_headers (last_zxid, node_count, created_ms) VALUES (64, 5, 0)");
        sql("INSERT INTO snapshot_chunks (snapshot_id, chunk_index, crc32c, data) "
                + "SELECT id, 0, 0, zeroblob(10) FROM snapshot_headers WHERE last_zxid = 64");

        restart();
        assertThat(storage.snapshots().list()).containsExactly(complete);
        assertThatThrownBy(() -> storage.snapshots().open(64)).isInstanceOf(StorageException.class);

        storage.snapshots().retainLatest(5);
        assertThat(count("SELECT count(*) FROM snapshot_headers")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM snapshot_chunks")).isEqualTo(2);
    }

    @Test
    void aSchemaOneDatabaseIsMigratedToChunksOnce() throws Exception {
        storage.close();
        Path oldDir = dataDir.resolve("schema-1");
        byte[] big = pattern(3 * CHUNK_BYTES + 99, 10);
        SchemaOneDatabase.create(oldDir, Map.of(0x100L, new byte[] {1, 2, 3}, 0x200L, big),
                entries(0x101, 0x205), 0x100);

        try (SqliteStorage migrated = SqliteStorage.open(oldDir, CHUNK_BYTES)) {
            assertThat(migrated.snapshots().list()).extracting(SnapshotInfo::lastZxid, SnapshotInfo::chunkCount,
                    SnapshotInfo::nodeCount).containsExactly(
                            tuple(0x200L, 4, -1L),
                            tuple(0x100L, 1, -1L));
            assertThat(read(migrated.snapshots(), 0x200)).isEqualTo(big);
            assertThat(read(migrated.snapshots(), 0x100)).containsExactly(1, 2, 3);
            assertThat(migrated.txnLog().purgedThrough()).isEqualTo(0x100);
            assertThat(migrated.txnLog().readAfter(0, 1000)).isEqualTo(entries(0x101, 0x205));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + oldDir.resolve(SqliteStorage.DB_FILE_NAME))) {
            assertThat(queryString(connection, "SELECT value FROM storage_info WHERE key = 'schema_version'"))
                    .isEqualTo("3");
            assertThat(queryString(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots'"))
                    .isEqualTo("0");
            assertThat(queryString(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'txnlog'"))
                    .isEqualTo("0");
        }
        try (SqliteStorage reopened = SqliteStorage.open(oldDir, CHUNK_BYTES)) {
            assertThat(reopened.snapshots().list()).hasSize(2);
            assertThat(read(reopened.snapshots(), 0x200)).isEqualTo(big);
            assertThat(reopened.txnLog().readAfter(0x180, 1000)).isEqualTo(entries(0x181, 0x205));
        }
        storage = open();
    }
}
