package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import org.quorumlab.engine.storage.StorageException;

/**
 * Creates the schema of a new database, checks the version of an existing one and migrates an older one.
 *
 * <p>Schema 3 (current):
 * <pre>
 * storage_info     (key TEXT PRIMARY KEY, value INTEGER NOT NULL)
 * txnlog_batches   (first_zxid INTEGER PRIMARY KEY, last_zxid UNIQUE, entry_count, crc32, entries BLOB)
 * metadata         (key TEXT PRIMARY KEY, value INTEGER NOT NULL)
 * snapshot_headers (id INTEGER PRIMARY KEY AUTOINCREMENT, last_zxid, node_count, chunk_count, size_bytes,
 *                   crc32c, complete, created_ms)
 * snapshot_chunks  (snapshot_id, chunk_index, crc32c, data BLOB, PRIMARY KEY (snapshot_id, chunk_index))
 * </pre>
 * Each {@code txnlog_batches} row holds one appended batch in the format of {@link BatchRowCodec}.
 *
 * <p>Older versions are migrated once, at open, in the same transaction that records the new version:
 * <ul>
 *   <li>Schema 1 stored each snapshot as one BLOB in {@code snapshots (last_zxid, data, created_ms)}:
 *       {@link SqliteSnapshotMigration} cuts them into chunks.</li>
 *   <li>Schemas 1 and 2 stored one log entry per row in {@code txnlog (zxid INTEGER PRIMARY KEY, payload BLOB)}:
 *       {@link SqliteLogMigration} regroups them into batch rows.</li>
 * </ul>
 */
final class SqliteSchema {

    /** Version written by this code; bump it and add a migration when the schema changes. */
    static final long VERSION = 3;

    /** {@code storage_info} key of the schema version row. */
    static final String SCHEMA_VERSION_KEY = "schema_version";
    /** {@code storage_info} key of the transaction log's purge watermark. */
    static final String PURGED_THROUGH_KEY = "txnlog_purged_through";

    private static final String[] CREATE_TABLES = {
        // first_zxid is the rowid, so a row is found by its first zxid without a second B-tree; the index on
        // last_zxid finds the row a zxid falls in (the first ending above it), which a read or cut may start inside
        "CREATE TABLE IF NOT EXISTS txnlog_batches (first_zxid INTEGER PRIMARY KEY, last_zxid INTEGER NOT NULL, "
                + "entry_count INTEGER NOT NULL, crc32 INTEGER NOT NULL, entries BLOB NOT NULL)",
        "CREATE UNIQUE INDEX IF NOT EXISTS txnlog_batches_last_zxid ON txnlog_batches (last_zxid)",
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
                // also at version 0: a no-op on a new database, and no old log table is ever left behind unread
                SqliteLogMigration.fromEntryRows(session, file, version);
                PreparedStatement upsert = session.prepare("INSERT INTO storage_info (key, value) VALUES (?, ?) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                upsert.setString(1, SCHEMA_VERSION_KEY);
                upsert.setLong(2, VERSION);
                upsert.executeUpdate();
            }
        });
    }
}
