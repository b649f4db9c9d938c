package org.quorumlab.engine.consensus;

/**
 * The leader's end of one learner connection (ZooKeeper's LearnerHandler state, without the
 * thread): sequence numbers, handshake phase, liveness and what the learner reported.
 */
final class LearnerLink {
    /** Handshake phase of the learner. */
    enum Phase { INFO_RECEIVED, LEADERINFO_SENT, EPOCH_ACKED, SYNC_SENT, NEWLEADER_ACKED, UPTODATE }

    final long sid;
    final long session;
    final boolean observer;
    final long acceptedEpoch;
    private long sendSeq;
    private long recvSeq = 1; // LearnerInfo (seq 0) already consumed
    Phase phase = Phase.INFO_RECEIVED;
    long lastHeard;
    long lastZxid;
    long newLeaderZxid;
    long pongRound = -1;
    /** True iff the learner's ACKEPOCH counts for the epoch-acknowledgement quorum. */
    boolean countsForEpochAck;

    LearnerLink(long sid, long session, boolean observer, long acceptedEpoch, long lastZxid, long now) {
        this.sid = sid;
        this.session = session;
        this.observer = observer;
        this.acceptedEpoch = acceptedEpoch;
        this.lastZxid = lastZxid;
        this.lastHeard = now;
    }

    Message.Peer wrap(long from, Packet p) {
        return new Message.Peer(from, session, sendSeq++, p);
    }

    /** Result of checking an incoming sequence number. */
    enum Receipt { ACCEPT, DUPLICATE, GAP }

    Receipt receive(long seq) {
        if (seq < recvSeq) {
            return Receipt.DUPLICATE;
        }
        if (seq > recvSeq) {
            return Receipt.GAP;
        }
        recvSeq++;
        return Receipt.ACCEPT;
    }

    boolean forwarding() {
        return phase.ordinal() >= Phase.SYNC_SENT.ordinal();
    }

    boolean synced() {
        return phase.ordinal() >= Phase.NEWLEADER_ACKED.ordinal();
    }
}
