package org.quorumlab.engine.replication;

import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;

/**
 * How a quorum message is named for people: ZooKeeper's packet type names ({@code VOTE} for an
 * election notification), and the zxid a message is about when it carries one. Packets are named
 * by their row in {@link PacketKinds#PROTOCOL}.
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
        return PacketKinds.PROTOCOL.of(p).nameOf(p);
    }

    /** The zxid the message is about (proposed, acknowledged, committed, voted for), or null. */
    public static Long zxidOf(Message m) {
        if (m instanceof Message.Notification n) {
            return n.vote().zxid();
        }
        Packet p = ((Message.Peer) m).packet();
        return PacketKinds.PROTOCOL.of(p).zxidOf(p);
    }
}
