package org.quorumlab.engine.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Durable store of data-tree snapshots, keyed by {@link SnapshotInfo#lastZxid()}. A snapshot is stored as chunks
 * of {@link ChunkedSnapshotOutput#DEFAULT_CHUNK_BYTES} (smaller in tests), each with its own checksum, under a
 * header that records the chunk count, size and whole checksum and is marked complete last; so neither writing
 * nor reading ever holds the whole snapshot in memory, and its size is not bounded by a Java array.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> thread-safe; a snapshot may be saved from a background thread while the
 *       {@link TxnLog} is written by its own owner thread. One process writes a data directory's snapshots.</li>
 *   <li><b>Durability and atomicity:</b> {@link #save} and {@link #retainLatest} are durable (fsync'd) when they
 *       return. A snapshot becomes visible to {@link #list()} only once all its chunks are stored and its header
 *       is marked complete; a crash or a failure during {@link #save} leaves it invisible (and it is removed by a
 *       later {@link #retainLatest}).</li>
 *   <li>Saving a snapshot with the {@code lastZxid} of a stored one replaces it when the new one completes.</li>
 *   <li><b>Verification:</b> {@link #open} returns a stream that checks every chunk before returning its bytes,
 *       and the total size and checksum when the reader reaches the end; a mismatch or a missing chunk is thrown
 *       as {@link CorruptSnapshotException}. Nothing is skipped silently.</li>
 *   <li><b>Errors:</b> other I/O and database problems surface as {@link StorageException}.</li>
 * </ul>
 */
public interface SnapshotStore extends AutoCloseable {

    /**
     * Streams a snapshot into the store: {@code content} writes its bytes to a stream that stores each full chunk
     * as it fills. Durable and visible when this returns.
     *
     * @param lastZxid  the zxid the snapshot is taken at, {@code >= 0}
     * @param nodeCount recorded in the header for logs; not interpreted
     * @return the header of the stored snapshot
     * @throws StorageException if the content or the store fails; nothing of the snapshot is then visible
     */
    SnapshotInfo save(long lastZxid, long nodeCount, SnapshotContent content);

    /** The complete snapshots, highest {@code lastZxid} first. */
    List<SnapshotInfo> list();

    /** The complete snapshot with the highest {@code lastZxid}, if any. */
    default Optional<SnapshotInfo> latest() {
        List<SnapshotInfo> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Opens the complete snapshot at {@code lastZxid} for reading. The stream fetches one chunk at a time and
     * verifies it (see the class contract); read it to the end to verify the whole. Closing it is optional.
     *
     * @throws StorageException if there is no complete snapshot at {@code lastZxid}
     */
    InputStream open(long lastZxid);

    /**
     * Durably deletes all but the {@code count} complete snapshots with the highest {@code lastZxid}, and every
     * incomplete one (left by a crash or failure during {@link #save}).
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    void retainLatest(int count);

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
