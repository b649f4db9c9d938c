package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import org.quorumlab.engine.storage.StorageException;

/** Creates the schema of a new database and checks the version of an existing one. */
final class SqliteSchema {

    /** Version written by this code; bump it and add a migration when the schema changes. */
    static final long VERSION = 1;

    /** {@code storage_info} key of the schema version row. */
    static final String SCHEMA_VERSION_KEY = "schema_version";
    /** {@code storage_info} key of the transaction log's purge watermark. */
    static final String PURGED_THROUGH_KEY = "txnlog_purged_through";

    private static final String[] CREATE_TABLES = {
        "CREATE TABLE IF NOT EXISTS storage_info (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS txnlog (zxid INTEGER PRIMARY KEY, payload BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS snapshots (last_zxid INTEGER PRIMARY KEY, data BLOB NOT NULL, created_ms INTEGER)",
        "CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };

    private SqliteSchema() {
    }

    /**
     * Creates any missing table and the schema version row in one transaction, or fails if the file was written
     * by a newer schema version.
     */
    static void ensure(SqliteSession session, SqliteDatabaseFile file) {
        session.inWriteTransaction("create the schema", () -> {
            for (String ddl : CREATE_TABLES) {
                session.execute("create the schema", ddl);
            }
            PreparedStatement select = session.prepare("SELECT value FROM storage_info WHERE key = ?");
            select.setString(1, SCHEMA_VERSION_KEY);
            long version = SqliteSession.queryLong(select, 0);
            if (version > VERSION) {
                throw new StorageException("SQLite storage " + file.path() + " has schema version " + version
                        + ", newer than the supported " + VERSION);
            }
            if (version == 0) {
                PreparedStatement insert = session.prepare("INSERT INTO storage_info (key, value) VALUES (?, ?)");
                insert.setString(1, SCHEMA_VERSION_KEY);
                insert.setLong(2, VERSION);
                insert.executeUpdate();
            }
        });
    }
}
