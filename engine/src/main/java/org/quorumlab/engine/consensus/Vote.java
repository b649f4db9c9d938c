package org.quorumlab.engine.consensus;

/**
 * A leader-election vote, as carried in FLE notifications.
 *
 * @param leaderId      proposed leader
 * @param zxid          proposed leader's last logged zxid
 * @param electionEpoch logical clock of the election round
 * @param peerEpoch     proposed leader's current epoch
 * @param state         state of the sender when it sent the vote
 */
public record Vote(long leaderId, long zxid, long electionEpoch, long peerEpoch, ServerState state) {

    /**
     * ZooKeeper's {@code Vote.equals}: votes from LOOKING peers agree when leader, zxid, election
     * epoch and peer epoch match; votes from FOLLOWING/LEADING peers agree on leader and peer epoch.
     */
    public boolean agreesWith(Vote other) {
        if (state == ServerState.LOOKING || other.state == ServerState.LOOKING) {
            return leaderId == other.leaderId && zxid == other.zxid
                    && electionEpoch == other.electionEpoch && peerEpoch == other.peerEpoch;
        }
        return leaderId == other.leaderId && peerEpoch == other.peerEpoch;
    }

    /** FLE total order on (peerEpoch, zxid, id): true iff (id, zxid, epoch) beats the current proposal. */
    public static boolean beats(long newId, long newZxid, long newEpoch, long curId, long curZxid, long curEpoch) {
        return newEpoch > curEpoch
                || (newEpoch == curEpoch && (newZxid > curZxid || (newZxid == curZxid && newId > curId)));
    }

    @Override
    public String toString() {
        return "Vote(leader=" + leaderId + ", zxid=" + Zxid.toHex(zxid) + ", round=" + electionEpoch
                + ", peerEpoch=" + peerEpoch + ", " + state + ")";
    }
}
