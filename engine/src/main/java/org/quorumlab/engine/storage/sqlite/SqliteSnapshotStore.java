package org.quorumlab.engine.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.LongSupplier;
import org.quorumlab.engine.storage.ChunkedSnapshotInput;
import org.quorumlab.engine.storage.ChunkedSnapshotOutput;
import org.quorumlab.engine.storage.SnapshotContent;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.SnapshotStore;
import org.quorumlab.engine.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SnapshotStore} in the {@code snapshot_headers} and {@code snapshot_chunks} tables. Thread-safe: every
 * call, and every chunk fetched by a stream from {@link #open}, holds this object's monitor, which confines its
 * connection.
 *
 * <p>A save is several short write transactions, not one: the header (not complete), then one per chunk, then
 * the one that marks the header complete. The transaction log's writer needs the same database write lock, and a
 * single transaction over a multi-gigabyte snapshot would hold it (and grow the WAL) for the whole write.
 * Completion last makes the snapshot visible atomically; an interrupted save leaves an incomplete header and some
 * chunks, which {@link #list()} ignores and {@link #retainLatest} removes.
 *
 * <p>Each chunk's commit is fsync'd ({@code synchronous=FULL}, like every connection) although only the last
 * commit needs to be: the log and the snapshot share one WAL file, and an fsync flushes whatever of it is dirty,
 * so chunks left unsynced would pile up in the page cache and be flushed by the log writer's next commit, stalling
 * a client write for as long as it takes to write them. Synced one by one, at most one chunk is ever in its way.
 */
final class SqliteSnapshotStore implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSnapshotStore.class);

    private final SqliteSession session;
    private final SqliteSnapshotRows rows;
    private final LongSupplier wallClockMillis;
    private final int chunkBytes;

    SqliteSnapshotStore(SqliteSession session, LongSupplier wallClockMillis, int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be >= 1: " + chunkBytes);
        }
        this.session = session;
        this.rows = new SqliteSnapshotRows(session);
        this.wallClockMillis = wallClockMillis;
        this.chunkBytes = chunkBytes;
        List<Long> incomplete = session.read("read the snapshot headers", rows::incompleteZxids);
        if (!incomplete.isEmpty()) {
            LOG.warn("Ignoring {} incomplete snapshot(s) at zxid {} (writing was interrupted); the next snapshot "
                    + "removes them", incomplete.size(), incomplete.stream().map(z -> "0x" + Long.toHexString(z))
                    .toList());
        }
    }

    @Override
    public synchronized SnapshotInfo save(long lastZxid, long nodeCount, SnapshotContent content) {
        if (lastZxid < 0) {
            throw new IllegalArgumentException("lastZxid must be >= 0: " + lastZxid);
        }
        String what = "the snapshot at zxid 0x" + Long.toHexString(lastZxid);
        long[] id = new long[1];
        session.inWriteTransaction("start " + what, () ->
                id[0] = rows.insertHeader(lastZxid, nodeCount, wallClockMillis.getAsLong()));
        try {
            ChunkedSnapshotOutput out = new ChunkedSnapshotOutput(chunkBytes, (index, data, length, checksum) ->
                    session.inWriteTransaction("write chunk " + index + " of " + what,
                            () -> rows.insertChunk(id[0], index, data, length, checksum)));
            content.writeTo(out);
            ChunkedSnapshotOutput.Totals totals = out.finish();
            session.inWriteTransaction("complete " + what, () -> {
                if (!rows.complete(id[0], lastZxid, totals)) {
                    throw new StorageException("SQLite storage: " + what + " was deleted while it was written");
                }
            });
            return new SnapshotInfo(lastZxid, nodeCount, totals.sizeBytes(), totals.chunkCount(), totals.checksum());
        } catch (IOException e) {
            StorageException failure = new StorageException("cannot write " + what + ": " + e, e);
            discard(id[0], failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(id[0], e);
            throw e;
        }
    }

    /** Removes a failed save's rows now rather than at the next retention; if even that fails, retention will. */
    private void discard(long id, Throwable primary) {
        try {
            session.inWriteTransaction("discard a failed snapshot", () -> rows.delete(id));
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    @Override
    public synchronized List<SnapshotInfo> list() {
        return session.read("list the snapshots", rows::complete);
    }

    @Override
    public synchronized InputStream open(long lastZxid) {
        SqliteSnapshotRows.Located located = session.read("open the snapshot at zxid 0x" + Long.toHexString(lastZxid),
                () -> rows.locate(lastZxid));
        if (located == null) {
            throw new StorageException("SQLite storage: no complete snapshot at zxid 0x" + Long.toHexString(lastZxid));
        }
        return new ChunkedSnapshotInput(located.info(), index -> readChunk(located, index));
    }

    private synchronized ChunkedSnapshotInput.StoredChunk readChunk(SqliteSnapshotRows.Located located, int index) {
        return session.read("read chunk " + index + " of the snapshot at zxid 0x"
                + Long.toHexString(located.info().lastZxid()), () -> rows.chunk(located.id(), index));
    }

    @Override
    public synchronized void retainLatest(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        session.inWriteTransaction("delete all but the latest " + count + " snapshots",
                () -> rows.retainLatest(count));
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
