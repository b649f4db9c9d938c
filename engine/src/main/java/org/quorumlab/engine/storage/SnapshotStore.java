package org.quorumlab.engine.storage;

import java.util.Optional;

/**
 * Durable store of data-tree snapshots, keyed by {@link Snapshot#lastZxid()}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> thread-safe; a snapshot may be saved from a background thread while the
 *       {@link TxnLog} is written by its own owner thread.</li>
 *   <li><b>Durability:</b> {@link #save} and {@link #retainLatest} are durable (fsync'd) when they return; a crash
 *       never leaves a partially written snapshot visible.</li>
 *   <li>Saving a snapshot with the {@code lastZxid} of a stored one replaces it.</li>
 *   <li><b>Errors:</b> I/O and corruption problems surface as {@link StorageException}.</li>
 * </ul>
 */
public interface SnapshotStore extends AutoCloseable {

    /** Durably stores {@code snapshot}. */
    void save(Snapshot snapshot);

    /** Returns the snapshot with the highest {@code lastZxid}, if any. */
    Optional<Snapshot> latest();

    /**
     * Durably deletes all but the {@code count} snapshots with the highest {@code lastZxid}.
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    void retainLatest(int count);

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
