package org.quorumlab.engine.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.CorruptSnapshotException;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the tree after a restart: the newest usable snapshot, then every logged txn after it.
 *
 * <p>A snapshot is usable when the log still holds every txn after it (its zxid is at or above the log's purge
 * watermark) and it reads back whole: every chunk and the total pass their checksums and the bytes decode into a
 * tree at the header's zxid. Each unusable snapshot is reported in one warning naming its zxid, the reason and
 * what recovery falls back to: the next older snapshot, or the log alone when the log was never purged (it then
 * holds the whole history from zxid 0). When nothing is left, recovery fails rather than start from a partial
 * history.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int READ_BATCH = 10_000;

    private Recovery() {
    }

    /** Standalone recovery and {@code dump}: the newest usable snapshot plus every logged txn after it. */
    public static DataTree recover(Storage storage) {
        DataTree tree = snapshotTree(storage);
        long snapshotZxid = tree.lastProcessedZxid();
        long from = snapshotZxid;
        int replayed = 0;
        while (true) {
            List<LogEntry> batch = storage.txnLog().readAfter(from, READ_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (LogEntry e : batch) {
                TxnRecord rec = TxnCodec.decode(e.payload());
                tree.processTxn(rec.header(), rec.txn());
                from = e.zxid();
                replayed++;
            }
        }
        LOG.info("Recovered {} nodes, {} sessions: {} + {} logged txns, last zxid 0x{}",
                tree.nodeCount(), tree.sessions().size(),
                snapshotZxid == 0 ? "no snapshot" : "snapshot at 0x" + Long.toHexString(snapshotZxid), replayed,
                Long.toHexString(tree.lastProcessedZxid()));
        return tree;
    }

    /**
     * The tree of the newest usable snapshot, or an empty tree when there is none and the log holds the whole
     * history. Replicated servers start from this and let ZAB replay the log.
     *
     * @throws StorageException if no snapshot is usable and the log was purged, naming each snapshot's fault
     */
    public static DataTree snapshotTree(Storage storage) {
        long purgedThrough = storage.txnLog().purgedThrough();
        List<SnapshotInfo> snapshots = storage.snapshots().list();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            SnapshotInfo snapshot = snapshots.get(i);
            String fault = snapshot.lastZxid() < purgedThrough
                    ? "the transaction log it needs was purged through 0x" + Long.toHexString(purgedThrough)
                    : null;
            if (fault == null) {
                try {
                    return load(storage, snapshot);
                } catch (StorageException | MalformedRecordException | IllegalArgumentException | IOException e) {
                    fault = reason(e);
                }
            }
            faults.add("0x" + Long.toHexString(snapshot.lastZxid()) + ": " + fault);
            LOG.warn("Snapshot at 0x{} is unusable ({}); falling back to {}", Long.toHexString(snapshot.lastZxid()),
                    fault, fallback(snapshots, i + 1, purgedThrough));
        }
        if (purgedThrough == 0) {
            return new DataTree();
        }
        throw new StorageException("Cannot recover: no usable snapshot " + (faults.isEmpty() ? "exists" : faults)
                + " and the transaction log was purged through 0x" + Long.toHexString(purgedThrough)
                + ", so it cannot rebuild the tree alone. Restore the data directory from a backup, or, for a member "
                + "of an ensemble, empty it so that it syncs from the leader.");
    }

    private static DataTree load(Storage storage, SnapshotInfo snapshot) throws IOException {
        DataTree tree;
        try (InputStream in = storage.snapshots().open(snapshot.lastZxid())) {
            tree = TreeSnapshotCodec.read(in, snapshot.sizeBytes());
        }
        if (tree.lastProcessedZxid() != snapshot.lastZxid()) {
            throw new MalformedRecordException("its content is at zxid 0x" + Long.toHexString(tree.lastProcessedZxid())
                    + ", its header at 0x" + Long.toHexString(snapshot.lastZxid()));
        }
        LOG.info("Loaded {}", snapshot);
        return tree;
    }

    private static String reason(Exception e) {
        if (e instanceof CorruptSnapshotException c) {
            return c.reason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What recovery tries after the snapshot at {@code snapshots.get(next - 1)}, for the warning. */
    private static String fallback(List<SnapshotInfo> snapshots, int next, long purgedThrough) {
        if (next < snapshots.size()) {
            return "the snapshot at 0x" + Long.toHexString(snapshots.get(next).lastZxid()) + " plus the transaction log";
        }
        if (purgedThrough == 0) {
            return "the transaction log alone, which holds every txn from zxid 0";
        }
        return "nothing: the transaction log was purged through 0x" + Long.toHexString(purgedThrough)
                + ", recovery fails";
    }
}
