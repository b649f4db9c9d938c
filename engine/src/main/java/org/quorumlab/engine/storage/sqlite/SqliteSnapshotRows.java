package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quorumlab.engine.storage.ChunkedSnapshotInput.StoredChunk;
import org.quorumlab.engine.storage.ChunkedSnapshotOutput;
import org.quorumlab.engine.storage.SnapshotInfo;

/**
 * The statements on the two snapshot tables ({@code snapshot_headers}, {@code snapshot_chunks}; see
 * {@link SqliteSchema}) prepared on one session. Statements only: the caller chooses the transactions, because
 * the store commits each chunk on its own while the schema migration does everything in one.
 */
final class SqliteSnapshotRows {

    private final PreparedStatement insertHeader;
    private final PreparedStatement lastInsertId;
    private final PreparedStatement insertChunk;
    private final PreparedStatement markComplete;
    private final PreparedStatement selectReplaced;
    private final PreparedStatement selectComplete;
    private final PreparedStatement selectHeader;
    private final PreparedStatement selectChunk;
    private final PreparedStatement selectIncomplete;
    private final PreparedStatement selectRetired;
    private final PreparedStatement deleteChunks;
    private final PreparedStatement deleteHeader;

    SqliteSnapshotRows(SqliteSession session) {
        insertHeader = session.prepare("INSERT INTO snapshot_headers (last_zxid, node_count, created_ms) "
                + "VALUES (?, ?, ?)");
        lastInsertId = session.prepare("SELECT last_insert_rowid()");
        insertChunk = session.prepare("INSERT INTO snapshot_chunks (snapshot_id, chunk_index, crc32c, data) "
                + "VALUES (?, ?, ?, ?)");
        markComplete = session.prepare("UPDATE snapshot_headers SET chunk_count = ?, size_bytes = ?, crc32c = ?, "
                + "complete = 1 WHERE id = ? AND complete = 0");
        selectReplaced = session.prepare("SELECT id FROM snapshot_headers WHERE last_zxid = ? AND id <> ?");
        selectComplete = session.prepare("SELECT last_zxid, node_count, size_bytes, chunk_count, crc32c "
                + "FROM snapshot_headers WHERE complete = 1 ORDER BY last_zxid DESC");
        selectHeader = session.prepare("SELECT id, last_zxid, node_count, size_bytes, chunk_count, crc32c "
                + "FROM snapshot_headers WHERE complete = 1 AND last_zxid = ?");
        selectChunk = session.prepare("SELECT crc32c, data FROM snapshot_chunks "
                + "WHERE snapshot_id = ? AND chunk_index = ?");
        selectIncomplete = session.prepare("SELECT id, last_zxid FROM snapshot_headers WHERE complete = 0");
        selectRetired = session.prepare("SELECT id FROM snapshot_headers WHERE complete = 0 OR id NOT IN "
                + "(SELECT id FROM snapshot_headers WHERE complete = 1 ORDER BY last_zxid DESC LIMIT ?)");
        deleteChunks = session.prepare("DELETE FROM snapshot_chunks WHERE snapshot_id = ?");
        deleteHeader = session.prepare("DELETE FROM snapshot_headers WHERE id = ?");
    }

    /** Inserts the header of a snapshot being written, not yet complete; returns its id. */
    long insertHeader(long lastZxid, long nodeCount, long createdMs) throws SQLException {
        insertHeader.setLong(1, lastZxid);
        insertHeader.setLong(2, nodeCount);
        insertHeader.setLong(3, createdMs);
        insertHeader.executeUpdate();
        return SqliteSession.queryLong(lastInsertId, -1);
    }

    /** Inserts one chunk: the first {@code length} bytes of {@code data}. */
    void insertChunk(long id, int index, byte[] data, int length, long checksum) throws SQLException {
        insertChunk.setLong(1, id);
        insertChunk.setInt(2, index);
        insertChunk.setLong(3, checksum);
        // the driver binds a whole array; only the last chunk of a snapshot is partial and needs the copy
        insertChunk.setBytes(4, length == data.length ? data : Arrays.copyOf(data, length));
        insertChunk.executeUpdate();
    }

    /**
     * Records the totals and marks snapshot {@code id} complete, then deletes any other snapshot at the same zxid:
     * the replacement and the removal commit together.
     *
     * @return false if the header was no longer there to complete (deleted by someone else)
     */
    boolean complete(long id, long lastZxid, ChunkedSnapshotOutput.Totals totals) throws SQLException {
        markComplete.setInt(1, totals.chunkCount());
        markComplete.setLong(2, totals.sizeBytes());
        markComplete.setLong(3, totals.checksum());
        markComplete.setLong(4, id);
        if (markComplete.executeUpdate() != 1) {
            return false;
        }
        selectReplaced.setLong(1, lastZxid);
        selectReplaced.setLong(2, id);
        for (long replaced : ids(selectReplaced)) {
            delete(replaced);
        }
        return true;
    }

    List<SnapshotInfo> complete() throws SQLException {
        List<SnapshotInfo> out = new ArrayList<>();
        try (ResultSet rows = selectComplete.executeQuery()) {
            while (rows.next()) {
                out.add(new SnapshotInfo(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getInt(4),
                        rows.getLong(5)));
            }
        }
        return out;
    }

    /** The complete snapshot at {@code lastZxid} with its row id, or null. */
    Located locate(long lastZxid) throws SQLException {
        selectHeader.setLong(1, lastZxid);
        try (ResultSet rows = selectHeader.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            return new Located(rows.getLong(1), new SnapshotInfo(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                    rows.getInt(5), rows.getLong(6)));
        }
    }

    /** Chunk {@code index} of snapshot {@code id} as stored, or null when there is no such row. */
    StoredChunk chunk(long id, int index) throws SQLException {
        selectChunk.setLong(1, id);
        selectChunk.setInt(2, index);
        try (ResultSet rows = selectChunk.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            long checksum = rows.getLong(1);
            byte[] data = rows.getBytes(2);
            return new StoredChunk(checksum, data == null ? new byte[0] : data);
        }
    }

    /** Zxids of snapshots whose writing never completed. */
    List<Long> incompleteZxids() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rows = selectIncomplete.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getLong(2));
            }
        }
        return out;
    }

    /** Deletes every incomplete snapshot and all but the {@code keep} newest complete ones; returns how many. */
    int retainLatest(int keep) throws SQLException {
        selectRetired.setInt(1, keep);
        List<Long> retired = ids(selectRetired);
        for (long id : retired) {
            delete(id);
        }
        return retired.size();
    }

    void delete(long id) throws SQLException {
        deleteChunks.setLong(1, id);
        deleteChunks.executeUpdate();
        deleteHeader.setLong(1, id);
        deleteHeader.executeUpdate();
    }

    private static List<Long> ids(PreparedStatement query) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getLong(1));
            }
        }
        return out;
    }

    /** A complete snapshot's header and the row id its chunks are stored under. */
    record Located(long id, SnapshotInfo info) {
    }
}
