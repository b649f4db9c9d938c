package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * Decides how a leader synchronises a learner, following ZooKeeper's {@code syncFollower}: DIFF when
 * the learner's last zxid is in the leader's history since its snapshot point (read back from the
 * host's log for entries no longer in memory, as ZooKeeper reads its txn log), TRUNC first when the
 * learner has entries the leader never had, SNAP when the learner is behind that history or the log
 * no longer holds it.
 */
final class SyncPlanner {
    private SyncPlanner() {
    }

    /**
     * @param log          leader's log
     * @param peerLastZxid learner's last logged zxid
     * @param upTo         last zxid to send (leader's last zxid, or committed zxid for observers)
     * @param snapshots    the leader's application state, read only for SNAP
     */
    static Packet.SyncStart plan(ReplicatedLog log, long peerLastZxid, long upTo, StateSnapshotSource snapshots,
            QuorumConfig config) {
        long windowStart = log.snapshotZxid();
        boolean peerNewEpochZxid = Zxid.counterOf(peerLastZxid) == 0 && peerLastZxid != 0;
        if (peerLastZxid == upTo) {
            return diff(List.of(), config);
        }
        if (peerLastZxid > upTo && !peerNewEpochZxid) {
            if (log.covers(upTo)) {
                return new Packet.SyncStart(SyncMode.TRUNC, upTo, 0, null, List.of(), config);
            }
        }
        if (peerLastZxid >= windowStart && peerLastZxid < upTo) {
            List<LogEntry> missing = log.entriesAfterIfContained(peerLastZxid, upTo);
            if (missing != null) {
                return diff(missing, config);
            }
            if (peerLastZxid > log.archivedThrough()) {
                // Not in the in-memory history: a divergent entry the leader never had. Cut the learner
                // back to the last common one. (Further back than memory, SNAP below does it.)
                long prev = log.previousZxid(peerLastZxid);
                if (prev > windowStart || (prev == windowStart && windowStart == 0)) {
                    List<LogEntry> afterCommon = log.range(prev, upTo);
                    if (afterCommon != null) {
                        return new Packet.SyncStart(SyncMode.TRUNC, prev, 0, null, afterCommon, config);
                    }
                }
            }
        }
        long snapZxid = snapshots.lastAppliedZxid();
        List<LogEntry> after = log.range(snapZxid, upTo);
        if (after == null) {
            throw new IllegalStateException("the application state (at " + Zxid.toHex(snapZxid)
                    + ") is older than the log history still held");
        }
        return new Packet.SyncStart(SyncMode.SNAP, 0, snapZxid, snapshots.snapshot(), after, config);
    }

    private static Packet.SyncStart diff(List<LogEntry> entries, QuorumConfig config) {
        return new Packet.SyncStart(SyncMode.DIFF, 0, 0, null, entries, config);
    }
}
