package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import org.quorumlab.engine.storage.StorageException;

/**
 * Creates the schema of a new database, checks the version of an existing one and migrates an older one.
 *
 * <p>Schema 2 (current):
 * <pre>
 * storage_info     (key TEXT PRIMARY KEY, value INTEGER NOT NULL)
 * txnlog           (zxid INTEGER PRIMARY KEY, payload BLOB NOT NULL)
 * metadata         (key TEXT PRIMARY KEY, value INTEGER NOT NULL)
 * snapshot_headers (id INTEGER PRIMARY KEY AUTOINCREMENT, last_zxid, node_count, chunk_count, size_bytes,
 *                   crc32c, complete, created_ms)
 * snapshot_chunks  (snapshot_id, chunk_index, crc32c, data BLOB, PRIMARY KEY (snapshot_id, chunk_index))
 * </pre>
 * Schema 1 stored each snapshot as one BLOB in {@code snapshots (last_zxid, data, created_ms)}; it is migrated
 * once, at open, by {@link SqliteSnapshotMigration}.
 */
final class SqliteSchema {

    /** Version written by this code; bump it and add a migration when the schema changes. */
    static final long VERSION = 2;

    /** {@code storage_info} key of the schema version row. */
    static final String SCHEMA_VERSION_KEY = "schema_version";
    /** {@code storage_info} key of the transaction log's purge watermark. */
    static final String PURGED_THROUGH_KEY = "txnlog_purged_through";

    private static final String[] CREATE_TABLES = {
        "CREATE TABLE IF NOT EXISTS txnlog (zxid INTEGER PRIMARY KEY, payload BLOB NOT NULL)",
        "CREATE TABLE IF NOT EXISTS metadata (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        // AUTOINCREMENT: an id is never reused, so chunks left by an interrupted save can never be taken for
        // chunks of a later snapshot
        "CREATE TABLE IF NOT EXISTS snapshot_headers (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "last_zxid INTEGER NOT NULL, node_count INTEGER NOT NULL, chunk_count INTEGER NOT NULL DEFAULT 0, "
                + "size_bytes INTEGER NOT NULL DEFAULT 0, crc32c INTEGER NOT NULL DEFAULT 0, "
                + "complete INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL)",
        // a rowid table, not WITHOUT ROWID: SQLite advises against WITHOUT ROWID for rows this large
        "CREATE TABLE IF NOT EXISTS snapshot_chunks (snapshot_id INTEGER NOT NULL, chunk_index INTEGER NOT NULL, "
                + "crc32c INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (snapshot_id, chunk_index))",
    };

    private SqliteSchema() {
    }

    /**
     * In one transaction: creates any missing table and the schema version row, or migrates a database of an
     * older schema version; fails if the file was written by a newer schema version.
     *
     * @param snapshotChunkBytes chunk size for snapshots migrated from schema 1
     */
    static void ensure(SqliteSession session, SqliteDatabaseFile file, int snapshotChunkBytes) {
        session.inWriteTransaction("create the schema", () -> {
            session.execute("create the schema",
                    "CREATE TABLE IF NOT EXISTS storage_info (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            PreparedStatement select = session.prepare("SELECT value FROM storage_info WHERE key = ?");
            select.setString(1, SCHEMA_VERSION_KEY);
            long version = SqliteSession.queryLong(select, 0);
            if (version > VERSION) {
                throw new StorageException("SQLite storage " + file.path() + " has schema version " + version
                        + ", newer than the supported " + VERSION);
            }
            for (String ddl : CREATE_TABLES) {
                session.execute("create the schema", ddl);
            }
            if (version == 1) {
                SqliteSnapshotMigration.fromSingleBlobs(session, file, snapshotChunkBytes);
            }
            if (version < VERSION) {
                PreparedStatement upsert = session.prepare("INSERT INTO storage_info (key, value) VALUES (?, ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                upsert.setString(1, SCHEMA_VERSION_KEY);
                upsert.setLong(2, VERSION);
                upsert.executeUpdate();
            }
        });
    }
}
