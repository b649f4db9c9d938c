package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * Decides how a leader synchronises a learner, following ZooKeeper's {@code syncFollower}: DIFF when
 * the learner's last zxid is in the leader's in-memory window, TRUNC first when the learner has
 * entries the leader never had, SNAP when the learner is behind the window.
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
            if (log.contains(peerLastZxid)) {
                return diff(log.range(peerLastZxid, upTo), config);
            }
            long prev = log.previousZxid(peerLastZxid);
            if (prev > windowStart || (prev == windowStart && windowStart == 0)) {
                return new Packet.SyncStart(SyncMode.TRUNC, prev, 0, null, log.range(prev, upTo), config);
            }
        }
        long snapZxid = snapshots.lastAppliedZxid();
        return new Packet.SyncStart(SyncMode.SNAP, 0, snapZxid, snapshots.snapshot(), log.range(snapZxid, upTo), config);
    }

    private static Packet.SyncStart diff(List<LogEntry> entries, QuorumConfig config) {
        return new Packet.SyncStart(SyncMode.DIFF, 0, 0, null, entries, config);
    }
}
