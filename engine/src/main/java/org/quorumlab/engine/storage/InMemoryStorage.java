package org.quorumlab.engine.storage;

/**
 * {@link Storage} held in memory, for tests and the deterministic simulator.
 *
 * <p>To simulate a crash and restart, discard the server but keep this object and hand it to the new server:
 * everything written before the "crash" is still there, exactly as with a data directory on disk.
 * {@link #close()} keeps the data and leaves the stores usable for that reason. The stores start no threads and
 * read no clock.
 */
public final class InMemoryStorage implements Storage {

    private final InMemoryTxnLog txnLog = new InMemoryTxnLog();
    private final InMemorySnapshotStore snapshots;
    private final InMemoryMetadataStore metadata = new InMemoryMetadataStore();

    /** Storage whose snapshots use the production chunk size. */
    public InMemoryStorage() {
        this(ChunkedSnapshotOutput.DEFAULT_CHUNK_BYTES);
    }

    /** Storage whose snapshots are cut into {@code snapshotChunkBytes} chunks, for tests. */
    public InMemoryStorage(int snapshotChunkBytes) {
        this.snapshots = new InMemorySnapshotStore(snapshotChunkBytes);
    }

    @Override
    public InMemoryTxnLog txnLog() {
        return txnLog;
    }

    @Override
    public InMemorySnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public InMemoryMetadataStore metadata() {
        return metadata;
    }

    /** Keeps the data: see the class comment. */
    @Override
    public void close() {
        txnLog.close();
        snapshots.close();
        metadata.close();
    }
}
