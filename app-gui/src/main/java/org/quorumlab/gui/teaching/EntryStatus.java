package org.quorumlab.gui.teaching;

/** How far one log entry (zxid) got on one node; only ever moves forward. */
public enum EntryStatus {
    /** The leader proposed it, or the proposal reached this follower. */
    PROPOSED,
    /** Acknowledged: the follower sent its ACK, or the leader received one. */
    ACKED,
    /** Committed on this node. */
    COMMITTED;

    /** The further of the two. */
    public EntryStatus max(EntryStatus other) {
        return other == null || other.ordinal() < ordinal() ? this : other;
    }
}
