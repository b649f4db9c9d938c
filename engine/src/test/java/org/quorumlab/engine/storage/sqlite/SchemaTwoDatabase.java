package org.quorumlab.engine.storage.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.quorumlab.engine.storage.LogEntry;

/**
 * Writes a data directory as the schema-2 code did (the log one row per entry in {@code txnlog}), by plain SQL with
 * that version's DDL and its log insert, for the migration tests. Snapshots are left empty: their tables did not
 * change from schema 2 to 3.
 */
public final class SchemaTwoDatabase {

    private SchemaTwoDatabase() {
    }

    /**
     * @param log           the txnlog rows
     * @param purgedThrough the log's purge watermark, 0 for none
     */
    public static void create(Path dataDir, List<LogEntry> log, long purgedThrough) throws Exception {
        Files.createDirectories(dataDir);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteStorage.DB_FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE IF NOT EXISTS storage_info (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS txnlog (zxid INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS snapshot_headers (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                    + "last_zxid INTEGER NOT NULL, node_count INTEGER NOT NULL, chunk_count INTEGER NOT NULL DEFAULT 0, "
                    + "size_bytes INTEGER NOT NULL DEFAULT 0, crc32c INTEGER NOT NULL DEFAULT 0, "
                    + "complete INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS snapshot_chunks (snapshot_id INTEGER NOT NULL, "
                    + "chunk_index INTEGER NOT NULL, crc32c INTEGER NOT NULL, data BLOB NOT NULL, "
                    + "PRIMARY KEY (snapshot_id, chunk_index))");
            statement.execute("INSERT INTO storage_info (key, value) VALUES ('schema_version', 2)");
            statement.execute("INSERT INTO metadata (key, value) VALUES ('currentEpoch', 7)");
            if (purgedThrough > 0) {
                statement.execute("INSERT INTO storage_info (key, value) VALUES ('txnlog_purged_through', "
                        + purgedThrough + ")");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO txnlog (zxid, payload) VALUES (?, ?)")) {
                for (LogEntry entry : log) {
                    insert.setLong(1, entry.zxid());
                    insert.setBytes(2, entry.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }
}
