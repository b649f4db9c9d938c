package org.quorumlab.launcher.autoscale;

import java.time.Duration;

/**
 * An auto-scaling policy: a pure, deterministic function from an observation and the time to one
 * {@link Decision}. Implementations are immutable records holding their parsed parameters (see
 * {@link AutoScalerSpec#parse}); all state (down-since times, last change) is in the observation.
 * Every policy holds while {@link #cooldown()} has not passed since the last membership change.
 */
public sealed interface ScalingPolicy permits LoadBasedPolicy, FailureBasedPolicy, TargetSizePolicy {

    Decision decide(ClusterObservation obs, long nowMs);

    /** Minimum time between two membership changes. */
    Duration cooldown();

    /** The spec text this policy parses from, e.g. {@code load:hi=5000,lo=500,min=3,max=7,cooldown=30s}. */
    String describe();

    /** A {@link Decision.None} when the cooldown is running, else null. */
    static Decision.None inCooldown(ClusterObservation obs, Duration cooldown, long nowMs) {
        long left = obs.cooldownLeftMs(cooldown.toMillis(), nowMs);
        return left > 0 ? new Decision.None("cooldown: " + (left + 999) / 1000 + "s left since the last change") : null;
    }
}
