package org.quorumlab.engine.storage;

/**
 * The three stores of one server's data directory, opened together.
 *
 * <p>The accessors always return the same instances; their threading contracts are the stores' own
 * ({@link TxnLog} has one owner thread, the two others are thread-safe). {@link #close()} closes all three and is
 * idempotent.
 */
public interface Storage extends AutoCloseable {

    TxnLog txnLog();

    SnapshotStore snapshots();

    MetadataStore metadata();

    @Override
    void close();
}
