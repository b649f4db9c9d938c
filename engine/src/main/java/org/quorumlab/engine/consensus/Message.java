package org.quorumlab.engine.consensus;

/**
 * Everything one server sends another. Election notifications tolerate loss, duplication and
 * reordering. Peer packets model one TCP connection between a learner and its leader: they carry a
 * connection id ({@code session}) and a per-direction sequence number; a receiver that sees a gap
 * treats the connection as broken, exactly as ZooKeeper does when its socket fails.
 */
public sealed interface Message permits Message.Notification, Message.Peer {

    /** Sender id. */
    long from();

    /**
     * A fast-leader-election notification.
     *
     * @param from   sender
     * @param vote   the sender's current vote, including its state
     * @param config the sender's active configuration (newer configurations propagate this way)
     */
    record Notification(long from, Vote vote, QuorumConfig config) implements Message {
    }

    /**
     * A packet on a learner-leader connection.
     *
     * @param from    sender
     * @param session connection id chosen by the learner
     * @param seq     0-based sequence number in the sender's direction
     * @param packet  the payload
     */
    record Peer(long from, long session, long seq, Packet packet) implements Message {
    }
}
