package org.quorumlab.engine.node;

import java.util.function.LongConsumer;
import org.quorumlab.engine.storage.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper's autopurge ({@code DatadirCleanupManager} running {@code PurgeTxnLog}) over QuorumLab's stores: keeps
 * the {@code autopurge.snapRetainCount} newest complete snapshots, deletes the older ones and any left incomplete by
 * a crash, and purges the transaction log through the oldest kept snapshot, so each kept snapshot can still be
 * replayed forward ({@link SnapshotRetention}). The server runs it every {@code autopurge.purgeInterval}, the first
 * time at start-up, on the thread that writes snapshots; never when the interval is zero, as in ZooKeeper.
 */
final class Autopurge {

    private static final Logger LOG = LoggerFactory.getLogger(Autopurge.class);

    private final SnapshotStore snapshots;
    private final LongConsumer purgeLogThrough;
    private final int retainCount;

    /**
     * @param purgeLogThrough durably drops the log's entries up to and including a zxid (on the log's own thread)
     */
    Autopurge(SnapshotStore snapshots, LongConsumer purgeLogThrough, int retainCount) {
        this.snapshots = snapshots;
        this.purgeLogThrough = purgeLogThrough;
        this.retainCount = retainCount;
    }

    /** One purge. @return the zxid through which the log was purged, or 0 when it was left whole */
    long run() {
        int before = snapshots.list().size();
        long purgeTo = SnapshotRetention.retainAndPurgePoint(snapshots, retainCount);
        if (purgeTo > 0) {
            purgeLogThrough.accept(purgeTo);
        }
        int deleted = before - snapshots.list().size();
        LOG.info("Autopurge: {} snapshot(s) deleted, {} kept (autopurge.snapRetainCount={}); {}", deleted,
                before - deleted, retainCount,
                purgeTo > 0 ? "log purged through 0x" + Long.toHexString(purgeTo) : "log not purged");
        return purgeTo;
    }
}
