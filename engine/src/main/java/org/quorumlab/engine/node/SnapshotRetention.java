package org.quorumlab.engine.node;

import java.util.List;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.SnapshotStore;

/**
 * Which snapshots and which part of the log a server keeps, decided together so that {@link Recovery} can use
 * every snapshot it keeps: the log is purged only through the oldest kept snapshot, so the log still holds every
 * txn after each of them, and a corrupt newest snapshot falls back to an older one plus the log.
 */
final class SnapshotRetention {

    private SnapshotRetention() {
    }

    /**
     * Deletes all but the {@code keep} newest snapshots (and every incomplete one) and returns the zxid through
     * which the log may now be purged, or 0 for none: while fewer than {@code keep} exist, the log must still cover
     * what the newest one's fallback (an older state, or the log alone) needs.
     */
    static long retainAndPurgePoint(SnapshotStore snapshots, int keep) {
        snapshots.retainLatest(keep);
        List<SnapshotInfo> kept = snapshots.list();
        return kept.size() < keep ? 0 : kept.get(kept.size() - 1).lastZxid();
    }

    /**
     * The zxid through which the consensus core may forget its log history after a snapshot: the previous
     * snapshot, so one snapshot interval of history stays available for a lagging follower to sync by DIFF (the
     * core keeps the last applied entries in memory and reads older ones back from the log, {@link StoredLogHistory});
     * 0 while there is no previous snapshot. What stays on disk is {@link Autopurge}'s business, and it never purges
     * past this point.
     */
    static long compactionPoint(SnapshotStore snapshots) {
        List<SnapshotInfo> all = snapshots.list();
        return all.size() < 2 ? 0 : all.get(1).lastZxid();
    }
}
