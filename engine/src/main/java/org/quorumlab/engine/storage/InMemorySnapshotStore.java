package org.quorumlab.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * {@link SnapshotStore} held in memory; see {@link InMemoryTxnLog} for the crash semantics. Thread-safe through
 * its monitor; chunks are copied in and out, like a disk. A snapshot being saved is kept aside and becomes
 * visible only when its content has been written without error, as the contract requires.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final int chunkBytes;
    private final TreeMap<Long, Stored> snapshots = new TreeMap<>();

    /** A store that cuts snapshots into {@link ChunkedSnapshotOutput#DEFAULT_CHUNK_BYTES} chunks. */
    public InMemorySnapshotStore() {
        this(ChunkedSnapshotOutput.DEFAULT_CHUNK_BYTES);
    }

    /** A store with another chunk size, for tests of snapshots that span many chunks. */
    public InMemorySnapshotStore(int chunkBytes) {
        this.chunkBytes = chunkBytes;
    }

    @Override
    public synchronized SnapshotInfo save(long lastZxid, long nodeCount, SnapshotContent content) {
        List<ChunkedSnapshotInput.StoredChunk> chunks = new ArrayList<>();
        ChunkedSnapshotOutput out = new ChunkedSnapshotOutput(chunkBytes, (index, data, length, checksum) ->
                chunks.add(new ChunkedSnapshotInput.StoredChunk(checksum, Arrays.copyOf(data, length))));
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new StorageException("cannot write the snapshot at 0x" + Long.toHexString(lastZxid) + ": " + e, e);
        }
        ChunkedSnapshotOutput.Totals totals = out.finish();
        SnapshotInfo info = new SnapshotInfo(lastZxid, nodeCount, totals.sizeBytes(), totals.chunkCount(),
                totals.checksum());
        snapshots.put(lastZxid, new Stored(info, chunks));
        return info;
    }

    @Override
    public synchronized List<SnapshotInfo> list() {
        return snapshots.descendingMap().values().stream().map(Stored::info).toList();
    }

    @Override
    public synchronized InputStream open(long lastZxid) {
        Stored stored = snapshots.get(lastZxid);
        if (stored == null) {
            throw new StorageException("no complete snapshot at 0x" + Long.toHexString(lastZxid));
        }
        return new ChunkedSnapshotInput(stored.info(), index -> {
            synchronized (this) {
                // the snapshot may have been replaced or deleted since: read it as it is now, as a disk would
                Stored now = snapshots.get(lastZxid);
                if (now == null || index >= now.chunks().size()) {
                    return null;
                }
                ChunkedSnapshotInput.StoredChunk chunk = now.chunks().get(index);
                return new ChunkedSnapshotInput.StoredChunk(chunk.checksum(), chunk.data().clone());
            }
        });
    }

    @Override
    public synchronized void retainLatest(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        while (snapshots.size() > count) {
            snapshots.pollFirstEntry();
        }
    }

    /**
     * Flips one bit of one stored chunk, as a failing disk would, without updating its checksum. For tests of
     * the corruption handling.
     */
    public synchronized void corruptChunk(long lastZxid, int index) {
        Stored stored = snapshots.get(lastZxid);
        if (stored == null) {
            throw new IllegalArgumentException("no snapshot at 0x" + Long.toHexString(lastZxid));
        }
        stored.chunks().get(index).data()[0] ^= 1;
    }

    /** Keeps the snapshots: see {@link InMemoryTxnLog}. */
    @Override
    public void close() {
        // Nothing to release.
    }

    private record Stored(SnapshotInfo info, List<ChunkedSnapshotInput.StoredChunk> chunks) {
    }
}
