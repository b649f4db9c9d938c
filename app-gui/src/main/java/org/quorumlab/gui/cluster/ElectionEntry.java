package org.quorumlab.gui.cluster;

import java.util.Set;

/**
 * One election as seen across the event streams: from the first {@code StateChanged to=LOOKING}
 * until a leader is established (or the looking nodes rejoin the existing leader).
 *
 * @param startTs        ms of the first node going LOOKING
 * @param endTs          ms the leader was established
 * @param votes          vote notifications exchanged (VoteReceived events)
 * @param winner         id of the leader that came out of it
 * @param epoch          its epoch
 * @param previousLeader leader before the election (-1 unknown)
 * @param participants   nodes that went LOOKING
 * @param cause          what a server reported as the reason around that time (a {@code ProcessStalled}
 *                       of its process, e.g. {@code "server 3 stalled 1081 ms"}), or empty
 */
public record ElectionEntry(long startTs, long endTs, int votes, long winner, long epoch, long previousLeader,
        Set<Long> participants, String cause) {

    public ElectionEntry withCause(String newCause) {
        return new ElectionEntry(startTs, endTs, votes, winner, epoch, previousLeader, participants, newCause);
    }

    public long durationMs() {
        return Math.max(0, endTs - startTs);
    }

    /** True when the leader changed (not just a node rejoining its leader). */
    public boolean leaderChanged() {
        return winner != previousLeader;
    }

    /** e.g. {@code "leader 2 (epoch 5) after 412 ms, 9 votes; cause: server 3 stalled 1081 ms"}. */
    public String describe() {
        return (leaderChanged() ? "leader " : "rejoined leader ") + winner + " (epoch " + epoch + ") after "
                + durationMs() + " ms, " + votes + " votes" + (cause.isEmpty() ? "" : "; cause: " + cause);
    }
}
