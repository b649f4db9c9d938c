package org.quorumlab.engine.storage.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.storage.LogEntry;

/**
 * Writes a data directory as the schema-1 code did (each snapshot one BLOB row in {@code snapshots}), by plain
 * SQL with that version's DDL, for the migration tests.
 */
public final class SchemaOneDatabase {

    private SchemaOneDatabase() {
    }

    /**
     * @param snapshots     last zxid to serialised snapshot
     * @param log           the txnlog rows
     * @param purgedThrough the log's purge watermark, 0 for none
     */
    public static void create(Path dataDir, Map<Long, byte[]> snapshots, List<LogEntry> log, long purgedThrough)
            throws Exception {
        Files.createDirectories(dataDir);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + dataDir.resolve(SqliteStorage.DB_FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE storage_info (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            statement.execute("CREATE TABLE txnlog (zxid INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
            statement.execute("CREATE TABLE snapshots (last_zxid INTEGER PRIMARY KEY, data BLOB NOT NULL, "
                    + "created_ms INTEGER)");
            statement.execute("CREATE TABLE metadata (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            statement.execute("INSERT INTO storage_info (key, value) VALUES ('schema_version', 1)");
            if (purgedThrough > 0) {
                statement.execute("INSERT INTO storage_info (key, value) VALUES ('txnlog_purged_through', "
                        + purgedThrough + ")");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO snapshots (last_zxid, data, created_ms) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, byte[]> snapshot : snapshots.entrySet()) {
                    insert.setLong(1, snapshot.getKey());
                    insert.setBytes(2, snapshot.getValue());
                    insert.setLong(3, 1_700_000_000_000L);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO txnlog (zxid, payload) VALUES (?, ?)")) {
                for (LogEntry entry : log) {
                    insert.setLong(1, entry.zxid());
                    insert.setBytes(2, entry.payload());
                    insert.executeUpdate();
                }
            }
        }
    }
}
