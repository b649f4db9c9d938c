package org.quorumlab.gui.teaching;

/**
 * A node's current vote in fast leader election.
 *
 * @param leaderId      the proposed leader
 * @param zxid          the proposed leader's last zxid
 * @param electionEpoch the election round
 * @param peerEpoch     the proposed leader's epoch
 */
public record Vote(long leaderId, long zxid, long electionEpoch, long peerEpoch) {
}
