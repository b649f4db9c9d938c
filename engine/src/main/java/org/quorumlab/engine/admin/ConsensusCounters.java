package org.quorumlab.engine.admin;

import java.util.concurrent.atomic.LongAdder;
import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.ServerState;

/**
 * Counters derived from the consensus event stream for {@code /metrics}: proposals, acks, commits,
 * votes, step-downs and elections. An election runs from entering LOOKING until the server serves
 * again in a role (RoleChanged), so its duration includes discovery and sync. Updated on the
 * pipeline thread, read from anywhere.
 */
public final class ConsensusCounters {

    final LongAdder proposals = new LongAdder();
    final LongAdder acks = new LongAdder();
    final LongAdder commits = new LongAdder();
    final LongAdder votesSent = new LongAdder();
    final LongAdder votesReceived = new LongAdder();
    final LongAdder stepDowns = new LongAdder();
    final LongAdder reconfigs = new LongAdder();
    final LongAdder elections = new LongAdder();
    private volatile long electionStartedMs = -1;
    private volatile long lastElectionMs;
    private volatile long lastCommittedZxid;

    /** Observes one consensus event or role change at wall time {@code nowMs}. */
    void observe(Object e, long nowMs) {
        if (e instanceof Event.ProposalSent) {
            proposals.increment();
        } else if (e instanceof Event.AckReceived) {
            acks.increment();
        } else if (e instanceof Event.Committed c) {
            if (c.zxid() > lastCommittedZxid) {
                commits.add(lastCommittedZxid == 0 || (c.zxid() >>> 32) != (lastCommittedZxid >>> 32)
                        ? 1 : c.zxid() - lastCommittedZxid);
                lastCommittedZxid = c.zxid();
            }
        } else if (e instanceof Event.VoteSent) {
            votesSent.increment();
        } else if (e instanceof Event.VoteReceived) {
            votesReceived.increment();
        } else if (e instanceof Event.StepDown) {
            stepDowns.increment();
        } else if (e instanceof Event.ReconfigCommitted) {
            reconfigs.increment();
        } else if (e instanceof Event.StateChanged s && s.to() == ServerState.LOOKING && electionStartedMs < 0) {
            electionStartedMs = nowMs;
        } else if (e instanceof Action.RoleChanged r && r.role() != ServerState.LOOKING && electionStartedMs >= 0) {
            lastElectionMs = nowMs - electionStartedMs;
            electionStartedMs = -1;
            elections.increment();
        }
    }

    /** Duration of the last completed election in ms (0 before the first). */
    public long lastElectionMs() {
        return lastElectionMs;
    }

    public long elections() {
        return elections.sum();
    }

    public long commits() {
        return commits.sum();
    }

    public long proposals() {
        return proposals.sum();
    }
}
