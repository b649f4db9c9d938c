package org.quorumlab.engine.storage;

/**
 * Small durable key/value store of longs for protocol metadata ({@code acceptedEpoch}, {@code currentEpoch},
 * {@code configVersion}...).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading:</b> thread-safe.</li>
 *   <li><b>Durability:</b> {@link #put} is durable (fsync'd) when it returns: a value read after a restart is the
 *       last one put before the crash, never an older one.</li>
 *   <li><b>Errors:</b> I/O and corruption problems surface as {@link StorageException}.</li>
 * </ul>
 */
public interface MetadataStore extends AutoCloseable {

    /** Returns the value stored under {@code key}, or {@code defaultValue} if none was ever put. */
    long get(String key, long defaultValue);

    /** Durably stores {@code value} under {@code key}, replacing any previous value. */
    void put(String key, long value);

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
