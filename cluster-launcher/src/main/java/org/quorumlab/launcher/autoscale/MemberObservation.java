package org.quorumlab.launcher.autoscale;

/**
 * One voting member as the {@link AutoScaler} last saw it.
 *
 * @param id          server id
 * @param serving     it answers clients as leader, follower or observer
 * @param leader      it is the leader
 * @param downSinceMs when it was first seen not serving (epoch ms), or -1 while serving
 * @param opsPerSec   its measured load, or {@code NaN} when unknown
 */
public record MemberObservation(long id, boolean serving, boolean leader, long downSinceMs, double opsPerSec) {

    public static MemberObservation up(long id, boolean leader, double opsPerSec) {
        return new MemberObservation(id, true, leader, -1, opsPerSec);
    }

    public static MemberObservation down(long id, long sinceMs) {
        return new MemberObservation(id, false, false, sinceMs, Double.NaN);
    }
}
