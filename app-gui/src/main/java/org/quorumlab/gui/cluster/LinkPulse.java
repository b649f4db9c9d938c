package org.quorumlab.gui.cluster;

/**
 * A message travelling along a link, for the diagram's moving dot.
 *
 * @param from sender id
 * @param to   receiver id
 * @param kind what flowed
 */
public record LinkPulse(long from, long to, Kind kind) {

    /** The replication step a pulse shows. */
    public enum Kind { PROPOSAL, ACK, COMMIT }
}
