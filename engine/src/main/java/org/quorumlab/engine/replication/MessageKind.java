package org.quorumlab.engine.replication;

import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;

/**
 * How a quorum message is named for people: ZooKeeper's packet type names ({@code VOTE} for an
 * election notification), and the zxid a message is about when it carries one.
 */
public final class MessageKind {

    private MessageKind() {
    }

    /** ZooKeeper's name of the message type, upper case. */
    public static String of(Message m) {
        if (m instanceof Message.Notification) {
            return "VOTE";
        }
        Packet p = ((Message.Peer) m).packet();
        if (p instanceof Packet.LearnerInfo info) {
            return info.observer() ? "OBSERVERINFO" : "FOLLOWERINFO";
        } else if (p instanceof Packet.LeaderInfo) {
            return "LEADERINFO";
        } else if (p instanceof Packet.AckEpoch) {
            return "ACKEPOCH";
        } else if (p instanceof Packet.SyncStart s) {
            return s.mode().name();
        } else if (p instanceof Packet.NewLeader) {
            return "NEWLEADER";
        } else if (p instanceof Packet.Ack) {
            return "ACK";
        } else if (p instanceof Packet.UpToDate) {
            return "UPTODATE";
        } else if (p instanceof Packet.Proposal) {
            return "PROPOSAL";
        } else if (p instanceof Packet.Commit) {
            return "COMMIT";
        } else if (p instanceof Packet.Inform) {
            return "INFORM";
        } else if (p instanceof Packet.Ping || p instanceof Packet.Pong) {
            // A ZooKeeper learner answers a leader's PING with a PING of its own.
            return "PING";
        } else if (p instanceof Packet.Request) {
            return "REQUEST";
        } else if (p instanceof Packet.SyncRequest || p instanceof Packet.SyncReply) {
            return "SYNC";
        }
        return p.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    /** The zxid the message is about (proposed, acknowledged, committed, voted for), or null. */
    public static Long zxidOf(Message m) {
        if (m instanceof Message.Notification n) {
            return n.vote().zxid();
        }
        Packet p = ((Message.Peer) m).packet();
        if (p instanceof Packet.Proposal pr) {
            return pr.entry().zxid();
        } else if (p instanceof Packet.Ack a) {
            return a.zxid();
        } else if (p instanceof Packet.Commit c) {
            return c.zxid();
        } else if (p instanceof Packet.Inform i) {
            return i.entry().zxid();
        } else if (p instanceof Packet.NewLeader nl) {
            return nl.zxid();
        } else if (p instanceof Packet.UpToDate u) {
            return u.committedZxid();
        } else if (p instanceof Packet.AckEpoch ae) {
            return ae.lastZxid();
        } else if (p instanceof Packet.LearnerInfo li) {
            return li.lastZxid();
        } else if (p instanceof Packet.SyncReply sr) {
            return sr.zxid();
        }
        return null;
    }
}
