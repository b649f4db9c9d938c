package org.quorumlab.engine.consensus;

/**
 * Protocol limits expressed in ticks (the host decides how long a tick is, usually tickTime).
 *
 * @param electionTimeoutTicks initial interval between re-sent election notifications
 * @param maxElectionBackoffTicks cap of the exponentially growing re-send interval
 * @param finalizeWaitTicks    ticks to wait for a better vote once a quorum agrees (0 = conclude now)
 * @param initLimit            ticks a leader/learner may spend in discovery and sync
 * @param syncLimit            ticks without traffic after which a learner, or a leader without a
 *                             quorum, gives up
 */
public record Timing(int electionTimeoutTicks, int maxElectionBackoffTicks, int finalizeWaitTicks,
        int initLimit, int syncLimit) {

    /** Validation. */
    public Timing {
        if (electionTimeoutTicks < 1 || maxElectionBackoffTicks < electionTimeoutTicks
                || finalizeWaitTicks < 0 || initLimit < 1 || syncLimit < 1) {
            throw new IllegalArgumentException("invalid timing " + electionTimeoutTicks + "/"
                    + maxElectionBackoffTicks + "/" + finalizeWaitTicks + "/" + initLimit + "/" + syncLimit);
        }
    }

    /** ZooKeeper-like defaults: initLimit 10, syncLimit 5. */
    public static Timing defaults() {
        return new Timing(1, 16, 1, 10, 5);
    }
}
