package org.quorumlab.launcher;

/**
 * Outcome of a committed membership change.
 *
 * @param kind            server added, observer added, or removed
 * @param serverId        the server that joined or left
 * @param configZxid      zxid (version) of the committed configuration
 * @param reconfigMillis  time from sending the reconfig until it was committed
 * @param totalMillis     time of the whole operation (incl. spawning or stopping the process)
 * @param config          the committed configuration text, as {@code /zookeeper/config} holds it
 */
public record MembershipChange(Kind kind, long serverId, long configZxid, long reconfigMillis, long totalMillis,
        String config) {

    public enum Kind { ADDED, OBSERVER_ADDED, REMOVED }
}
