package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.TxnLog;
import org.quorumlab.engine.storage.ZxidOrder;

/**
 * {@link TxnLog} in the {@code txnlog} table: one row per entry, one {@code BEGIN IMMEDIATE} transaction (one fsync)
 * per call. Its connection is confined to the owner thread, as the contract requires; the last zxid and the purge
 * watermark are cached, since only this object writes them.
 */
final class SqliteTxnLog implements TxnLog {

    private final SqliteSession session;
    private final PreparedStatement insert;
    private final PreparedStatement selectAfter;
    private final PreparedStatement selectFirst;
    private final PreparedStatement selectLast;
    private final PreparedStatement deleteAfter;
    private final PreparedStatement deleteThrough;
    private final PreparedStatement upsertPurgedThrough;
    private long lastZxid;
    private long purgedThrough;

    SqliteTxnLog(SqliteSession session) {
        this.session = session;
        insert = session.prepare("INSERT INTO txnlog (zxid, payload) VALUES (?, ?)");
        selectAfter = session.prepare("SELECT zxid, payload FROM txnlog WHERE zxid > ? ORDER BY zxid LIMIT ?");
        selectFirst = session.prepare("SELECT min(zxid) FROM txnlog");
        selectLast = session.prepare("SELECT max(zxid) FROM txnlog");
        deleteAfter = session.prepare("DELETE FROM txnlog WHERE zxid > ?");
        deleteThrough = session.prepare("DELETE FROM txnlog WHERE zxid <= ?");
        upsertPurgedThrough = session.prepare("INSERT INTO storage_info (key, value) VALUES ('"
                + SqliteSchema.PURGED_THROUGH_KEY + "', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        PreparedStatement selectPurgedThrough = session.prepare("SELECT value FROM storage_info WHERE key = '"
                + SqliteSchema.PURGED_THROUGH_KEY + "'");
        lastZxid = session.read("read the last zxid", () -> SqliteSession.queryLong(selectLast, 0));
        purgedThrough = session.read("read the purge watermark",
                () -> SqliteSession.queryLong(selectPurgedThrough, 0));
    }

    @Override
    public void append(List<LogEntry> batch) {
        ZxidOrder.requireAppendable(batch, Math.max(lastZxid, purgedThrough));
        if (batch.isEmpty()) {
            return;
        }
        session.inWriteTransaction("append " + batch.size() + " log entries", () -> {
            // one JDBC batch: the driver binds and steps every row in one native call instead of
            // several JNI crossings per entry
            for (LogEntry entry : batch) {
                insert.setLong(1, entry.zxid());
                insert.setBytes(2, entry.payload());
                insert.addBatch();
            }
            insert.executeBatch();
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
        return session.read("read the log after zxid 0x" + Long.toHexString(zxidExclusive), () -> {
            selectAfter.setLong(1, zxidExclusive);
            selectAfter.setInt(2, maxEntries);
            List<LogEntry> entries = new ArrayList<>();
            try (ResultSet rows = selectAfter.executeQuery()) {
                while (rows.next()) {
                    entries.add(new LogEntry(rows.getLong(1), rows.getBytes(2)));
                }
            }
            return entries;
        });
    }

    @Override
    public void truncateAfter(long zxid) {
        long newPurgedThrough = Math.min(purgedThrough, Math.max(0, zxid));
        session.inWriteTransaction("truncate the log after zxid 0x" + Long.toHexString(zxid), () -> {
            deleteAfter.setLong(1, zxid);
            deleteAfter.executeUpdate();
            if (newPurgedThrough != purgedThrough) {
                upsertPurgedThrough.setLong(1, newPurgedThrough);
                upsertPurgedThrough.executeUpdate();
            }
        });
        purgedThrough = newPurgedThrough;
        lastZxid = session.read("read the last zxid", () -> SqliteSession.queryLong(selectLast, 0));
    }

    @Override
    public void purgeThrough(long zxid) {
        long newPurgedThrough = Math.max(purgedThrough, zxid);
        session.inWriteTransaction("purge the log through zxid 0x" + Long.toHexString(zxid), () -> {
            deleteThrough.setLong(1, zxid);
            deleteThrough.executeUpdate();
            if (newPurgedThrough != purgedThrough) {
                upsertPurgedThrough.setLong(1, newPurgedThrough);
                upsertPurgedThrough.executeUpdate();
            }
        });
        purgedThrough = newPurgedThrough;
        if (lastZxid <= zxid) {
            lastZxid = 0;
        }
    }

    @Override
    public long firstZxid() {
        return session.read("read the first zxid", () -> SqliteSession.queryLong(selectFirst, 0));
    }

    @Override
    public long purgedThrough() {
        return purgedThrough;
    }

    @Override
    public void close() {
        session.close();
    }
}
