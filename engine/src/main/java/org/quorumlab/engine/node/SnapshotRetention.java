package org.quorumlab.engine.node;

import java.util.List;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.SnapshotStore;

/**
 * Which snapshots and which part of the log a server keeps, decided together so that {@link Recovery} can use
 * every snapshot it keeps: the log is purged only through the oldest kept snapshot, so the log still holds every
 * txn after each of them. With two kept, a corrupt newest snapshot falls back to the previous one plus the log;
 * that is also the one snapshot interval of log a lagging follower needs to sync by DIFF.
 */
final class SnapshotRetention {

    /** The newest snapshot and the previous one, its fallback. */
    static final int SNAPSHOTS_KEPT = 2;

    private SnapshotRetention() {
    }

    /**
     * Deletes all but the {@link #SNAPSHOTS_KEPT} newest snapshots and returns the zxid through which the log may
     * now be purged, or 0 for none: while fewer are kept, the log must still cover what the newest one's fallback
     * (an older state, or the log alone) needs.
     */
    static long retainAndPurgePoint(SnapshotStore snapshots) {
        snapshots.retainLatest(SNAPSHOTS_KEPT);
        List<SnapshotInfo> kept = snapshots.list();
        return kept.size() < SNAPSHOTS_KEPT ? 0 : kept.get(kept.size() - 1).lastZxid();
    }
}
