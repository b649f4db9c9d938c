package org.quorumlab.launcher.autoscale;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link ScalingPolicy} decides on: the voting members, the measured load and when
 * membership last changed. Built by the {@link AutoScaler} at each poll, or by hand in tests.
 *
 * @param members        the voting members, in id order
 * @param totalOpsPerSec client operations per second over the whole ensemble, {@code NaN} when unknown
 * @param lastChangeMs   when the last membership change (or failed attempt) finished, epoch ms;
 *                       {@link #NEVER} when there was none
 */
public record ClusterObservation(List<MemberObservation> members, double totalOpsPerSec, long lastChangeMs) {

    public static final long NEVER = Long.MIN_VALUE;

    public ClusterObservation {
        members = members.stream().sorted(Comparator.comparingLong(MemberObservation::id)).toList();
    }

    public int size() {
        return members.size();
    }

    public long servingCount() {
        return members.stream().filter(MemberObservation::serving).count();
    }

    /** Average load of a serving member; {@code NaN} when the load is unknown or none serves. */
    public double opsPerServingMember() {
        long serving = servingCount();
        return serving == 0 || Double.isNaN(totalOpsPerSec) ? Double.NaN : totalOpsPerSec / serving;
    }

    /** Milliseconds of cooldown left at {@code nowMs} (0 when over or never changed). */
    public long cooldownLeftMs(long cooldownMs, long nowMs) {
        if (lastChangeMs == NEVER) {
            return 0;
        }
        return Math.max(0, lastChangeMs + cooldownMs - nowMs);
    }

    /**
     * The member to remove when shrinking: the one down longest, else the serving non-leader with
     * the highest id (the most recently added), else the leader.
     */
    public Optional<MemberObservation> removalCandidate() {
        Optional<MemberObservation> down = members.stream().filter(m -> !m.serving())
                .min(Comparator.comparingLong(MemberObservation::downSinceMs).thenComparingLong(MemberObservation::id));
        if (down.isPresent()) {
            return down;
        }
        Optional<MemberObservation> follower = members.stream().filter(m -> !m.leader())
                .max(Comparator.comparingLong(MemberObservation::id));
        return follower.isPresent() ? follower : members.stream().max(Comparator.comparingLong(MemberObservation::id));
    }
}
