package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.quorumlab.engine.storage.ChunkedSnapshotOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the snapshots of a schema-1 database, one BLOB row each in {@code snapshots}, into the chunk tables of
 * schema 2, then drops the old table. Runs inside the schema transaction of {@link SqliteSchema#ensure}, so a
 * crash during it leaves the database at schema 1 and the next open migrates again.
 *
 * <p>The checksums are computed from the old bytes as they are read: damage already present in an old BLOB is
 * not caught by them, but by the snapshot decoder, which checks every length against the bytes left.
 */
final class SqliteSnapshotMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSnapshotMigration.class);
    /** Node count of a migrated snapshot: the storage layer cannot count what it does not decode. */
    private static final long UNKNOWN_NODE_COUNT = -1;

    private SqliteSnapshotMigration() {
    }

    static void fromSingleBlobs(SqliteSession session, SqliteDatabaseFile file, int chunkBytes) throws SQLException {
        PreparedStatement exists = session.prepare(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'snapshots'");
        if (SqliteSession.queryLong(exists, 0) == 0) {
            return;
        }
        SqliteSnapshotRows rows = new SqliteSnapshotRows(session);
        PreparedStatement select = session.prepare(
                "SELECT last_zxid, data, created_ms FROM snapshots ORDER BY last_zxid");
        int migrated = 0;
        try (ResultSet old = select.executeQuery()) {
            while (old.next()) {
                long lastZxid = old.getLong(1);
                // one old snapshot at a time: the old code held each in one array too, so it fits
                byte[] data = old.getBytes(2);
                long createdMs = old.getLong(3);
                long id = rows.insertHeader(lastZxid, UNKNOWN_NODE_COUNT, createdMs);
                ChunkedSnapshotOutput out = new ChunkedSnapshotOutput(chunkBytes, (index, chunk, length, checksum) -> {
                    try {
                        rows.insertChunk(id, index, chunk, length, checksum);
                    } catch (SQLException e) {
                        throw file.failure("migrate the snapshot at zxid 0x" + Long.toHexString(lastZxid), e);
                    }
                });
                if (data != null) {
                    out.write(data, 0, data.length);
                }
                rows.complete(id, lastZxid, out.finish());
                migrated++;
            }
        }
        session.execute("drop the schema-1 snapshot table", "DROP TABLE snapshots");
        LOG.info("Migrated {} snapshot(s) of {} from one BLOB each to {}-byte chunks (schema 1 to 2)", migrated,
                file.path(), chunkBytes);
    }
}
