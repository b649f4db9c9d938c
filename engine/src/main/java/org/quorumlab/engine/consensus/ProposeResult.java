package org.quorumlab.engine.consensus;

/** Outcome of {@link ZabNode#propose} and {@link ZabNode#proposeReconfig}. */
public sealed interface ProposeResult {

    /** The proposal was logged and broadcast under {@code zxid}. */
    record Accepted(long zxid) implements ProposeResult {
    }

    /** The proposal was refused; nothing was logged. */
    record Refused(RefusalReason reason) implements ProposeResult {
    }

    /** Why a proposal was refused. */
    enum RefusalReason {
        /** This server is not the leader. */
        NOT_LEADER,
        /** This server leads but its epoch is not established yet. */
        NOT_ESTABLISHED,
        /** The zxid counter of this epoch is exhausted; the leader steps down. */
        COUNTER_EXHAUSTED,
        /** Another reconfiguration is not committed yet (ZooKeeper RECONFIGINPROGRESS). */
        RECONFIG_IN_PROGRESS,
        /** The new voters connected to the leader are not a quorum (ZooKeeper NEWCONFIGNOQUORUM). */
        NEW_CONFIG_NO_QUORUM,
        /** The proposed configuration is malformed or identical to the current one. */
        BAD_CONFIG
    }

    /** Convenience: the zxid if accepted, otherwise -1. */
    default long zxidOrMinusOne() {
        return this instanceof Accepted a ? a.zxid() : -1;
    }
}
