package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.TxnLog;
import org.quorumlab.engine.storage.ZxidOrder;
import org.quorumlab.engine.storage.sqlite.BatchRowCodec.BatchRow;

/**
 * {@link TxnLog} in the {@code txnlog_batches} table: one row per appended batch (see {@link BatchRowCodec}), one
 * {@code BEGIN IMMEDIATE} transaction (one fsync) per call. A row per batch rather than per entry because the
 * commit cost is in the pages SQLite writes and fsyncs, and one BLOB touches far fewer B-tree pages than a thousand
 * rows with their keys. Its connection is confined to the owner thread, as the contract requires; the last zxid and
 * the purge watermark are cached, since only this object writes them.
 *
 * <p>A cut inside a row ({@link #truncateAfter} or {@link #purgeThrough} at a zxid that a row spans) rewrites that
 * row with the entries that stay, in the same transaction as the deletion of the other rows. The purge rewrites
 * rather than keeps the straddling row so that the table holds exactly the entries above the watermark, as the
 * in-memory log does: {@link #firstZxid()} stays exact, reads need no watermark filter, and a later
 * {@link #truncateAfter} that lowers the watermark cannot bring purged entries back. The cost is one rewritten row
 * (at most a group-commit batch) per purge, which follows a snapshot, so rarely.
 */
final class SqliteTxnLog implements TxnLog {

    private final SqliteSession session;
    private final SqliteLogRows rows;
    private final PreparedStatement upsertPurgedThrough;
    private long lastZxid;
    private long purgedThrough;

    SqliteTxnLog(SqliteSession session, SqliteDatabaseFile file) {
        this.session = session;
        this.rows = new SqliteLogRows(session, file);
        upsertPurgedThrough = session.prepare("INSERT INTO storage_info (key, value) VALUES ('"
                + SqliteSchema.PURGED_THROUGH_KEY + "', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        PreparedStatement selectPurgedThrough = session.prepare("SELECT value FROM storage_info WHERE key = '"
                + SqliteSchema.PURGED_THROUGH_KEY + "'");
        lastZxid = session.read("read the last zxid", rows::lastZxid);
        purgedThrough = session.read("read the purge watermark",
                () -> SqliteSession.queryLong(selectPurgedThrough, 0));
    }

    @Override
    public void append(List<LogEntry> batch) {
        ZxidOrder.requireAppendable(batch, Math.max(lastZxid, purgedThrough));
        if (batch.isEmpty()) {
            return;
        }
        // cut before the transaction, so that an entry too large for a row fails without touching the database
        List<List<LogEntry>> rowEntries = BatchRowCodec.rowsOf(batch);
        session.inWriteTransaction("append " + batch.size() + " log entries", () -> {
            for (List<LogEntry> entries : rowEntries) {
                rows.insert(entries);
            }
        });
        lastZxid = batch.get(batch.size() - 1).zxid();
    }

    @Override
    public long lastZxid() {
        return lastZxid;
    }

    @Override
    public List<LogEntry> readAfter(long zxidExclusive, int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0: " + maxEntries);
        }
        List<LogEntry> entries = new ArrayList<>();
        if (maxEntries == 0) {
            return entries;
        }
        session.read("read the log after zxid 0x" + Long.toHexString(zxidExclusive), () -> {
            rows.readAfter(zxidExclusive, maxEntries, entries);
            return null;
        });
        return entries;
    }

    @Override
    public void truncateAfter(long zxid) {
        long newPurgedThrough = Math.min(purgedThrough, Math.max(0, zxid));
        session.inWriteTransaction("truncate the log after zxid 0x" + Long.toHexString(zxid), () -> {
            Optional<BatchRow> cut = rows.straddling(zxid);
            rows.deleteStartingAfter(zxid);
            if (cut.isPresent()) {
                rows.replace(cut.get(), rows.entriesOf(cut.get()).stream().filter(e -> e.zxid() <= zxid).toList());
            }
            writePurgedThrough(newPurgedThrough);
        });
        purgedThrough = newPurgedThrough;
        lastZxid = session.read("read the last zxid", rows::lastZxid);
    }

    @Override
    public void purgeThrough(long zxid) {
        long newPurgedThrough = Math.max(purgedThrough, zxid);
        session.inWriteTransaction("purge the log through zxid 0x" + Long.toHexString(zxid), () -> {
            Optional<BatchRow> cut = rows.straddling(zxid);
            rows.deleteEndingThrough(zxid);
            if (cut.isPresent()) {
                rows.replace(cut.get(), rows.entriesOf(cut.get()).stream().filter(e -> e.zxid() > zxid).toList());
            }
            writePurgedThrough(newPurgedThrough);
        });
        purgedThrough = newPurgedThrough;
        if (lastZxid <= zxid) {
            lastZxid = 0;
        }
    }

    @Override
    public long firstZxid() {
        return session.read("read the first zxid", rows::firstZxid);
    }

    @Override
    public long purgedThrough() {
        return purgedThrough;
    }

    @Override
    public void close() {
        session.close();
    }

    private void writePurgedThrough(long newPurgedThrough) throws SQLException {
        if (newPurgedThrough != purgedThrough) {
            upsertPurgedThrough.setLong(1, newPurgedThrough);
            upsertPurgedThrough.executeUpdate();
        }
    }
}
