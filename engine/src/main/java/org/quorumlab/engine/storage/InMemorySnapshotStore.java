package org.quorumlab.engine.storage;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link SnapshotStore} held in memory; see {@link InMemoryTxnLog} for the crash semantics. Thread-safe through
 * its monitor; data is copied in and out.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final TreeMap<Long, byte[]> snapshots = new TreeMap<>();

    @Override
    public synchronized void save(Snapshot snapshot) {
        snapshots.put(snapshot.lastZxid(), snapshot.data().clone());
    }

    @Override
    public synchronized Optional<Snapshot> latest() {
        Map.Entry<Long, byte[]> last = snapshots.lastEntry();
        return last == null ? Optional.empty() : Optional.of(new Snapshot(last.getKey(), last.getValue().clone()));
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

    /** Keeps the snapshots: see {@link InMemoryTxnLog}. */
    @Override
    public void close() {
        // Nothing to release.
    }
}
