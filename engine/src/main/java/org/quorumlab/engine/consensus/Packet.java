package org.quorumlab.engine.consensus;

import java.util.List;

/** Quorum-protocol packets exchanged between a leader and its learners (ZooKeeper's QuorumPacket types). */
public sealed interface Packet {

    /** FOLLOWERINFO / OBSERVERINFO: first packet of a learner connection. */
    record LearnerInfo(long acceptedEpoch, long lastZxid, boolean observer) implements Packet {
    }

    /** LEADERINFO: the epoch the leader proposes. */
    record LeaderInfo(long newEpoch) implements Packet {
    }

    /**
     * ACKEPOCH for {@code newEpoch}: learner's current epoch (-1 if it had already accepted this
     * epoch) and last zxid.
     */
    record AckEpoch(long newEpoch, long currentEpoch, long lastZxid) implements Packet {
    }

    /**
     * DIFF/TRUNC/SNAP, folded into one packet: optional truncation or snapshot, then the entries the
     * learner is missing, then the configuration active at the leader.
     */
    record SyncStart(SyncMode mode, long truncateAfter, long snapshotZxid, byte[] snapshot,
            List<LogEntry> entries, QuorumConfig config) implements Packet {
        /** Copies the entry list. */
        public SyncStart {
            entries = List.copyOf(entries);
        }
    }

    /** NEWLEADER: the learner adopts {@code epoch} as current epoch once {@code zxid} is durable. */
    record NewLeader(long epoch, long zxid) implements Packet {
    }

    /** ACK: cumulative acknowledgement, all entries up to {@code zxid} are durable at the sender. */
    record Ack(long zxid) implements Packet {
    }

    /** UPTODATE: the learner may serve; everything up to {@code committedZxid} is committed. */
    record UpToDate(long committedZxid) implements Packet {
    }

    /** PROPOSAL. */
    record Proposal(LogEntry entry) implements Packet {
    }

    /** COMMIT (to followers): cumulative, every entry up to {@code zxid} is committed. */
    record Commit(long zxid) implements Packet {
    }

    /** INFORM: committed entry, sent to observers. */
    record Inform(LogEntry entry) implements Packet {
    }

    /** PING from the leader, round-numbered so that sync can confirm leadership. */
    record Ping(long round) implements Packet {
    }

    /** Learner's reply to {@link Ping}. */
    record Pong(long round) implements Packet {
    }

    /** REQUEST: a client write forwarded by a learner. */
    record Request(byte[] request) implements Packet {
    }

    /** SYNC request forwarded by a learner. */
    record SyncRequest(long token) implements Packet {
    }

    /** SYNC reply: the learner completes {@code token} once it applied {@code zxid}. */
    record SyncReply(long token, long zxid) implements Packet {
    }
}
