package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.sqlite.BatchRowCodec.BatchRow;
import org.quorumlab.engine.storage.sqlite.BatchRowCodec.CorruptRowException;

/**
 * The statements on the {@code txnlog_batches} table (see {@link SqliteSchema}) prepared on one session, and the
 * decoding of its rows with corruption reported as a {@link StorageException} naming the file and the row.
 * Statements only: the caller chooses the transactions, because the log commits each call on its own while the
 * schema migration does everything in one.
 *
 * <p>Rows never overlap (zxids strictly increase across the log), so ordering by {@code last_zxid} is ordering by
 * {@code first_zxid}; the queries order by {@code last_zxid} so that SQLite walks its index instead of sorting.
 */
final class SqliteLogRows {

    private static final String COLUMNS = "first_zxid, last_zxid, entry_count, crc32, entries";

    private final SqliteDatabaseFile file;
    private final PreparedStatement insert;
    private final PreparedStatement selectEndingAfter;
    private final PreparedStatement selectFirstEndingAfter;
    private final PreparedStatement selectFirst;
    private final PreparedStatement selectLast;
    private final PreparedStatement deleteRow;
    private final PreparedStatement deleteStartingAfter;
    private final PreparedStatement deleteEndingThrough;

    SqliteLogRows(SqliteSession session, SqliteDatabaseFile file) {
        this.file = file;
        insert = session.prepare("INSERT INTO txnlog_batches (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        selectEndingAfter = session.prepare("SELECT " + COLUMNS
                + " FROM txnlog_batches WHERE last_zxid > ? ORDER BY last_zxid");
        selectFirstEndingAfter = session.prepare("SELECT " + COLUMNS
                + " FROM txnlog_batches WHERE last_zxid > ? ORDER BY last_zxid LIMIT 1");
        selectFirst = session.prepare("SELECT min(first_zxid) FROM txnlog_batches");
        selectLast = session.prepare("SELECT max(last_zxid) FROM txnlog_batches");
        deleteRow = session.prepare("DELETE FROM txnlog_batches WHERE first_zxid = ?");
        deleteStartingAfter = session.prepare("DELETE FROM txnlog_batches WHERE first_zxid > ?");
        deleteEndingThrough = session.prepare("DELETE FROM txnlog_batches WHERE last_zxid <= ?");
    }

    /** Inserts non-empty, ordered {@code entries} as one row. */
    void insert(List<LogEntry> entries) throws SQLException {
        BatchRow row = BatchRowCodec.encode(entries);
        insert.setLong(1, row.firstZxid());
        insert.setLong(2, row.lastZxid());
        insert.setLong(3, row.entryCount());
        insert.setLong(4, row.crc32());
        insert.setBytes(5, row.entries());
        insert.executeUpdate();
    }

    /**
     * Adds to {@code into} the entries above {@code afterZxid}, ascending, until it holds {@code maxEntries}. Reads
     * only the rows that end above {@code afterZxid}, the first of which may start at or below it.
     */
    void readAfter(long afterZxid, int maxEntries, List<LogEntry> into) throws SQLException {
        selectEndingAfter.setLong(1, afterZxid);
        try (ResultSet rows = selectEndingAfter.executeQuery()) {
            while (into.size() < maxEntries && rows.next()) {
                into.addAll(decode(rowAt(rows), afterZxid, maxEntries - into.size()));
            }
        }
    }

    /** The row holding {@code zxid} and a later entry, if there is one: the row that a cut after {@code zxid} splits. */
    Optional<BatchRow> straddling(long zxid) throws SQLException {
        selectFirstEndingAfter.setLong(1, zxid);
        try (ResultSet rows = selectFirstEndingAfter.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            BatchRow row = rowAt(rows);
            return row.firstZxid() <= zxid ? Optional.of(row) : Optional.empty();
        }
    }

    /** Decodes every entry of {@code row}. */
    List<LogEntry> entriesOf(BatchRow row) {
        return decode(row, Long.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Deletes {@code row} and inserts {@code kept}, a non-empty part of its entries, in its place. */
    void replace(BatchRow row, List<LogEntry> kept) throws SQLException {
        deleteRow.setLong(1, row.firstZxid());
        deleteRow.executeUpdate();
        insert(kept);
    }

    /** Deletes the rows whose entries are all above {@code zxid}. */
    void deleteStartingAfter(long zxid) throws SQLException {
        deleteStartingAfter.setLong(1, zxid);
        deleteStartingAfter.executeUpdate();
    }

    /** Deletes the rows whose entries are all at or below {@code zxid}. */
    void deleteEndingThrough(long zxid) throws SQLException {
        deleteEndingThrough.setLong(1, zxid);
        deleteEndingThrough.executeUpdate();
    }

    /** The first zxid of the first row, or 0 when there is none. */
    long firstZxid() throws SQLException {
        return SqliteSession.queryLong(selectFirst, 0);
    }

    /** The last zxid of the last row, or 0 when there is none. */
    long lastZxid() throws SQLException {
        return SqliteSession.queryLong(selectLast, 0);
    }

    private List<LogEntry> decode(BatchRow row, long afterZxid, int maxEntries) {
        try {
            return BatchRowCodec.decode(row, afterZxid, maxEntries);
        } catch (CorruptRowException e) {
            throw new StorageException("SQLite storage " + file.path() + ": " + row.describe() + " of table "
                    + "txnlog_batches is corrupt: " + e.getMessage(), e);
        }
    }

    private static BatchRow rowAt(ResultSet rows) throws SQLException {
        return new BatchRow(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getBytes(5));
    }
}
