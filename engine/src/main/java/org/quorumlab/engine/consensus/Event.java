package org.quorumlab.engine.consensus;

/** Observability records; hosts may log or display them and otherwise ignore them. */
public sealed interface Event extends Action {

    /** A notification was sent to {@code recipients} peers. */
    record VoteSent(Vote vote, int recipients) implements Event {
    }

    /** A notification was received. */
    record VoteReceived(long from, Vote vote) implements Event {
    }

    /** Peer state changed. */
    record StateChanged(ServerState from, ServerState to, String reason) implements Event {
    }

    /** A leader chose (or a learner accepted) a new epoch. */
    record NewEpoch(long epoch) implements Event {
    }

    /** A leader's epoch became established (a quorum acked NEWLEADER). */
    record LeaderEstablished(long epoch, long lastZxid) implements Event {
    }

    /** A leader decided how to sync {@code peer}. */
    record SyncModeChosen(long peer, SyncMode mode, long peerLastZxid, long fromZxid) implements Event {
    }

    /** The leader broadcast a proposal. */
    record ProposalSent(long zxid) implements Event {
    }

    /** The leader received an acknowledgement. */
    record AckReceived(long from, long zxid) implements Event {
    }

    /** An entry was committed (leader: quorum reached; learner: commit learned). */
    record Committed(long zxid) implements Event {
    }

    /** A leader lost its quorum, or a learner lost its leader, and went back to LOOKING. */
    record StepDown(long epoch, String reason) implements Event {
    }

    /** A reconfiguration committed and became active. */
    record ReconfigCommitted(QuorumConfig config) implements Event {
    }
}
