package org.quorumlab.launcher.autoscale;

import java.time.Duration;
import org.quorumlab.launcher.load.DurationText;

/**
 * Configuration-based scaling: keep {@code size} voting members, adding or removing one at a
 * time (removing the member down longest, else the newest follower). Holds during the cooldown.
 */
public record TargetSizePolicy(int size, Duration cooldown) implements ScalingPolicy {

    public static final Duration DEFAULT_COOLDOWN = Duration.ZERO;

    public TargetSizePolicy {
        if (size < 1) {
            throw new IllegalArgumentException("target: size must be at least 1, got " + size);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("target: cooldown must be >= 0");
        }
    }

    @Override
    public Decision decide(ClusterObservation obs, long nowMs) {
        Decision.None cooling = ScalingPolicy.inCooldown(obs, cooldown, nowMs);
        if (cooling != null) {
            return cooling;
        }
        int n = obs.size();
        if (n < size) {
            return new Decision.AddServer(n + " members, target size " + size);
        }
        if (n > size) {
            return obs.removalCandidate().<Decision>map(m -> new Decision.RemoveServer(m.id(), n + " members, target size "
                    + size)).orElseGet(() -> new Decision.None("no member to remove"));
        }
        return new Decision.None("at target size " + size);
    }

    @Override
    public String describe() {
        return "target:size=" + size + ",cooldown=" + DurationText.format(cooldown);
    }
}
