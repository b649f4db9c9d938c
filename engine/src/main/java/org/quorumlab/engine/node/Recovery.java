package org.quorumlab.engine.node;

import java.util.List;
import org.quorumlab.engine.storage.LogEntry;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeSnapshotCodec;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds the tree after a restart: latest snapshot, then every logged txn after it. */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    private static final int READ_BATCH = 10_000;

    private Recovery() {
    }

    public static DataTree recover(Storage storage) {
        DataTree tree = storage.snapshots().latest()
                .map(s -> TreeSnapshotCodec.deserialize(s.data()))
                .orElseGet(DataTree::new);
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
        LOG.info("Recovered {} nodes, {} sessions: snapshot at 0x{} + {} logged txns, last zxid 0x{}",
                tree.nodeCount(), tree.sessions().size(), Long.toHexString(snapshotZxid), replayed,
                Long.toHexString(tree.lastProcessedZxid()));
        return tree;
    }
}
