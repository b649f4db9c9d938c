package org.quorumlab.launcher.autoscale;

import java.time.Duration;
import java.util.Locale;
import org.quorumlab.launcher.load.DurationText;

/**
 * Load-based scaling: the load is the client ops/s per <em>serving</em> member (the ensemble's
 * total divided by the members that serve), because adding a server spreads the same total over
 * more servers. Above {@code hi} add a server (up to {@code max}); below {@code lo} remove one
 * (down to {@code min}) unless the remaining servers would then be above {@code hi} (which would
 * flap). Outside {@code [min, max]} the size is corrected first whatever the load. Holds during
 * the cooldown and while the load is unknown.
 */
public record LoadBasedPolicy(double hi, double lo, int min, int max, Duration cooldown) implements ScalingPolicy {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

    public LoadBasedPolicy {
        if (!(lo >= 0) || !(hi > lo)) {
            throw new IllegalArgumentException("load: need 0 <= lo < hi, got lo=" + lo + " hi=" + hi);
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("load: need 1 <= min <= max, got min=" + min + " max=" + max);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("load: cooldown must be >= 0");
        }
    }

    @Override
    public Decision decide(ClusterObservation obs, long nowMs) {
        Decision.None cooling = ScalingPolicy.inCooldown(obs, cooldown, nowMs);
        if (cooling != null) {
            return cooling;
        }
        int n = obs.size();
        if (n < min) {
            return new Decision.AddServer(n + " members, below min=" + min);
        }
        if (n > max) {
            return remove(obs, n + " members, above max=" + max);
        }
        double load = obs.opsPerServingMember();
        if (Double.isNaN(load)) {
            return new Decision.None("load unknown");
        }
        String per = String.format(Locale.ROOT, "%.0f ops/s per serving server", load);
        if (load > hi) {
            return n >= max ? new Decision.None(per + " above hi=" + fmt(hi) + " but already at max=" + max)
                    : new Decision.AddServer(per + " above hi=" + fmt(hi));
        }
        if (load < lo) {
            if (n <= min) {
                return new Decision.None(per + " below lo=" + fmt(lo) + " but already at min=" + min);
            }
            long servingAfter = obs.servingCount() - (obs.removalCandidate().map(MemberObservation::serving)
                    .orElse(false) ? 1 : 0);
            double projected = servingAfter <= 0 ? Double.POSITIVE_INFINITY : obs.totalOpsPerSec() / servingAfter;
            if (projected > hi) {
                return new Decision.None(per + " below lo=" + fmt(lo) + " but one server less would exceed hi="
                        + fmt(hi));
            }
            return remove(obs, per + " below lo=" + fmt(lo));
        }
        return new Decision.None(per + " within lo=" + fmt(lo) + "..hi=" + fmt(hi));
    }

    private static Decision remove(ClusterObservation obs, String reason) {
        return obs.removalCandidate().<Decision>map(m -> new Decision.RemoveServer(m.id(), reason))
                .orElseGet(() -> new Decision.None("no member to remove"));
    }

    @Override
    public String describe() {
        return "load:hi=" + fmt(hi) + ",lo=" + fmt(lo) + ",min=" + min + ",max=" + max + ",cooldown="
                + DurationText.format(cooldown);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
