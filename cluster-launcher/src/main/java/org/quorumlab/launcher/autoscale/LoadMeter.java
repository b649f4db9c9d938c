package org.quorumlab.launcher.autoscale;

import java.util.List;
import java.util.Map;

/** Measures client load for the {@link AutoScaler}; called from its thread at each poll. */
@FunctionalInterface
public interface LoadMeter {

    /** The load now; {@code NaN} total when unknown (e.g. the first reading of a rate). */
    Reading read(List<MemberState> members, long nowMs);

    /**
     * @param totalOpsPerSec ops/s over the ensemble, {@code NaN} when unknown
     * @param perMember      ops/s by member id where known
     */
    record Reading(double totalOpsPerSec, Map<Long, Double> perMember) {

        public static final Reading UNKNOWN = new Reading(Double.NaN, Map.of());

        public Reading {
            perMember = Map.copyOf(perMember);
        }
    }

    /** A meter that never knows; with it the load-based policy always holds. */
    static LoadMeter none() {
        return (members, nowMs) -> Reading.UNKNOWN;
    }
}
