package org.quorumlab.engine.storage;

import java.util.List;

/**
 * Durable append-only transaction log.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> calls are not thread-safe. One owner thread (typically the log-writer of
 *       {@link GroupCommitLog}) makes every call, including reads.</li>
 *   <li><b>Durability:</b> {@link #append}, {@link #truncateAfter} and {@link #purgeThrough} are durable
 *       (fsync'd) when they return. If one throws, nothing it was asked to do may be assumed durable.</li>
 *   <li><b>Atomicity:</b> a crash never leaves a partial batch visible: after a restart either the whole batch of an
 *       {@link #append} is present or none of it is.</li>
 *   <li><b>Ordering:</b> zxids are positive and strictly increase across the log. An append must also be above every
 *       zxid ever removed by {@link #purgeThrough} (the purge watermark survives restarts), so a purged prefix
 *       cannot be re-written; {@link #truncateAfter} lowers that watermark to its argument.</li>
 *   <li><b>Errors:</b> I/O and corruption problems surface as {@link StorageException}; ordering violations as
 *       {@link IllegalArgumentException}, leaving the log unchanged.</li>
 * </ul>
 *
 * <p>The log alone does not know the server's last zxid after a snapshot purge: combine {@link #lastZxid()} with
 * {@link SnapshotStore#latest()}. A snapshot at zxid {@code z} can be replayed forward only while
 * {@link #purgedThrough()} {@code <= z}; with a watermark of 0 the log alone rebuilds the tree.
 */
public interface TxnLog extends AutoCloseable {

    /**
     * Appends {@code batch} as one durable transaction. An empty batch is a no-op.
     *
     * @throws IllegalArgumentException if the zxids are not strictly increasing, or the first is not above both
     *                                  {@link #lastZxid()} and the purge watermark, or is not positive
     * @throws StorageException         if the batch could not be made durable
     */
    void append(List<LogEntry> batch);

    /** Returns the zxid of the last entry, or 0 when the log holds no entry. */
    long lastZxid();

    /**
     * Returns up to {@code maxEntries} entries with {@code zxid > zxidExclusive}, in ascending zxid order.
     *
     * @throws IllegalArgumentException if {@code maxEntries < 0}
     */
    List<LogEntry> readAfter(long zxidExclusive, int maxEntries);

    /** Durably drops every entry with a zxid greater than {@code zxid} (the ZAB {@code TRUNC}). */
    void truncateAfter(long zxid);

    /** Durably drops every entry with a zxid less than or equal to {@code zxid}, typically after a snapshot. */
    void purgeThrough(long zxid);

    /** Returns the zxid of the first entry, or 0 when the log holds no entry. */
    long firstZxid();

    /**
     * Returns the purge watermark: every entry with a zxid at or below it was removed by {@link #purgeThrough}
     * (lowered again by {@link #truncateAfter}); 0 when the log still holds its whole history from zxid 0.
     */
    long purgedThrough();

    /** Releases the log's resources. Idempotent. Acknowledged appends stay durable. */
    @Override
    void close();
}
