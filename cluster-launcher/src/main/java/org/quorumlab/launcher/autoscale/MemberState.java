package org.quorumlab.launcher.autoscale;

/**
 * A voting member as a {@link ClusterActuator} reports it.
 *
 * @param id      server id
 * @param serving answers clients (leader, follower or observer)
 * @param leader  is the leader
 */
public record MemberState(long id, boolean serving, boolean leader) {
}
