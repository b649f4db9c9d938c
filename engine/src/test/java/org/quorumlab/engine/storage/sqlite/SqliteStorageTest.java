package org.quorumlab.engine.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.Snapshot;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.StorageContractTest;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.TxnLog;

/** Runs the storage contract against {@link SqliteStorage}, plus what only a real file can get wrong. */
class SqliteStorageTest extends StorageContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected Storage open() {
        return SqliteStorage.open(dataDir.resolve("node-1"));
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
                    .isEqualTo("1");
            assertThat(queryString(connection, "SELECT group_concat(name, ',') FROM "
                    + "(SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)"))
                    .isEqualTo("metadata,snapshots,storage_info,txnlog");
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
            statement.executeUpdate("UPDATE storage_info SET value = 1 WHERE key = 'schema_version'");
        }
        storage = open();
    }

    @Test
    void aBatchThatFailsHalfwayLeavesNothingVisible() throws Exception {
        storage.txnLog().append(entries(1, 2));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER fail_on_5 BEFORE INSERT ON txnlog WHEN NEW.zxid = 5 "
                    + "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
        }
        TxnLog log = storage.txnLog();

        assertThatThrownBy(() -> log.append(entries(3, 6)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("injected failure")
                .hasMessageContaining(dbFile().toAbsolutePath().toString());
        assertThat(log.lastZxid()).isEqualTo(2);
        assertThat(log.readAfter(0, 10)).isEqualTo(entries(1, 2));

        log.append(entries(3, 4));
        restart();
        assertThat(storage.txnLog().readAfter(0, 10)).isEqualTo(entries(1, 4));
    }

    @Test
    void snapshotsCanBeSavedWhileAnotherThreadWritesTheLog() throws Exception {
        TxnLog log = storage.txnLog();
        CompletableFuture<Void> snapshotter = CompletableFuture.runAsync(() -> {
            for (long zxid = 1; zxid <= 20; zxid++) {
                storage.snapshots().save(new Snapshot(zxid, new byte[256 * 1024]));
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
}
