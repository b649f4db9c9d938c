package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * What a server reads back from disk when it (re)starts; a new {@link ZabNode} is built from it.
 *
 * @param acceptedEpoch      last epoch this server acknowledged in discovery (LEADERINFO)
 * @param currentEpoch       last epoch whose NEWLEADER this server accepted
 * @param log                durable log entries after {@code snapshotZxid}, ascending zxids
 * @param lastCommittedZxid  last zxid applied to the (durable) application state
 * @param snapshotZxid       entries up to this zxid were compacted into the application snapshot
 * @param bootCount          incremented durably by the host before every start; makes the
 *                           connection ids of different incarnations distinct
 */
public record DurableState(long acceptedEpoch, long currentEpoch, List<LogEntry> log,
        long lastCommittedZxid, long snapshotZxid, long bootCount) {

    /** Validation and copy. */
    public DurableState {
        log = List.copyOf(log);
        long prev = snapshotZxid;
        for (LogEntry e : log) {
            if (e.zxid() <= prev) {
                throw new IllegalArgumentException("log not ascending after snapshot at " + Zxid.toHex(e.zxid()));
            }
            prev = e.zxid();
        }
        if (lastCommittedZxid < snapshotZxid) {
            throw new IllegalArgumentException("lastCommittedZxid below snapshotZxid");
        }
        if (currentEpoch > acceptedEpoch) {
            throw new IllegalArgumentException("currentEpoch > acceptedEpoch");
        }
    }

    /** A brand-new server. */
    public static DurableState empty() {
        return new DurableState(0, 0, List.of(), 0, 0, 1);
    }

    /** Last zxid in the durable history. */
    public long lastZxid() {
        return log.isEmpty() ? snapshotZxid : log.get(log.size() - 1).zxid();
    }
}
