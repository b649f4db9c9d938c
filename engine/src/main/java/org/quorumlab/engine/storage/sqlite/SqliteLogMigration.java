package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the transaction log of a schema-1 or schema-2 database, one row per entry in {@code txnlog}, into the
 * batch rows of {@code txnlog_batches} (schema 3), then drops the old table. Runs inside the schema transaction of
 * {@link SqliteSchema#ensure}, so a crash during it leaves the database at its old version and the next open
 * migrates again.
 *
 * <p>The old table does not record which entries were committed together, so the entries are regrouped by the
 * limits of a live batch ({@link BatchRowCodec#startsNewRow}); rows only bound how much one read decodes, so any
 * grouping serves. The checksums are computed from the old bytes as they are read.
 */
final class SqliteLogMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLogMigration.class);

    private SqliteLogMigration() {
    }

    static void fromEntryRows(SqliteSession session, SqliteDatabaseFile file, long fromVersion)
            throws SQLException {
        PreparedStatement exists = session.prepare(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'txnlog'");
        if (SqliteSession.queryLong(exists, 0) == 0) {
            return;
        }
        SqliteLogRows rows = new SqliteLogRows(session, file);
        PreparedStatement select = session.prepare("SELECT zxid, payload FROM txnlog ORDER BY zxid");
        List<LogEntry> row = new ArrayList<>();
        long rowBytes = 0;
        long entries = 0;
        long rowCount = 0;
        try (ResultSet old = select.executeQuery()) {
            while (old.next()) {
                long zxid = old.getLong(1);
                byte[] payload = old.getBytes(2);
                if (zxid <= 0 || payload == null) {
                    throw new StorageException("SQLite storage " + file.path() + ": cannot migrate the txnlog row "
                            + "with zxid 0x" + Long.toHexString(zxid) + ": "
                            + (zxid <= 0 ? "zxids must be positive" : "its payload is NULL"));
                }
                if (BatchRowCodec.startsNewRow(row.size(), rowBytes, payload.length)) {
                    rows.insert(row);
                    rowCount++;
                    row.clear();
                    rowBytes = 0;
                }
                row.add(new LogEntry(zxid, payload));
                rowBytes += payload.length;
                entries++;
            }
        }
        if (!row.isEmpty()) {
            rows.insert(row);
            rowCount++;
        }
        session.execute("drop the one-row-per-entry txnlog table", "DROP TABLE txnlog");
        LOG.info("Migrated {} transaction log entries of {} from one row each to {} batch row(s) (schema {} to {})",
                entries, file.path(), rowCount, fromVersion, SqliteSchema.VERSION);
    }
}
