package org.quorumlab.launcher.autoscale;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.quorumlab.launcher.load.DurationText;

/**
 * Failure-based scaling: a member that has not been serving for at least {@code after} is
 * replaced (removed by reconfig, then a fresh server added). The member down longest goes first,
 * one at a time; holds during the cooldown. A member that recovers before {@code after} is left alone.
 */
public record FailureBasedPolicy(Duration after, Duration cooldown) implements ScalingPolicy {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);

    public FailureBasedPolicy {
        if (after.isNegative() || cooldown.isNegative()) {
            throw new IllegalArgumentException("failure: after and cooldown must be >= 0");
        }
    }

    @Override
    public Decision decide(ClusterObservation obs, long nowMs) {
        Decision.None cooling = ScalingPolicy.inCooldown(obs, cooldown, nowMs);
        if (cooling != null) {
            return cooling;
        }
        Optional<MemberObservation> longest = obs.members().stream().filter(m -> !m.serving())
                .min(Comparator.comparingLong(MemberObservation::downSinceMs).thenComparingLong(MemberObservation::id));
        if (longest.isEmpty()) {
            return new Decision.None("all " + obs.size() + " members serving");
        }
        MemberObservation m = longest.get();
        long downMs = nowMs - m.downSinceMs();
        if (downMs < after.toMillis()) {
            return new Decision.None("server " + m.id() + " down for " + downMs / 1000 + "s, replaced after "
                    + DurationText.format(after));
        }
        return new Decision.ReplaceServer(m.id(), "server " + m.id() + " down for " + downMs / 1000 + "s (>= "
                + DurationText.format(after) + ")");
    }

    @Override
    public String describe() {
        return "failure:after=" + DurationText.format(after) + ",cooldown=" + DurationText.format(cooldown);
    }
}
