package org.quorumlab.launcher.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The nemesis schedule of one run, derived from its seed alone: which fault, on whom, for how
 * long, and the quiet gap before it. The target is chosen when the step runs (the leader, or the
 * {@code pick}-th member modulo the member count), since who leads is only known then.
 *
 * @param seed  the run's seed
 * @param kinds the fault kinds drawn from
 * @param steps the schedule
 */
record NemesisPlan(long seed, Set<Kind> kinds, List<Step> steps) {

    /** Fault kinds. */
    enum Kind {
        /** kill -9 one node, start it again when the fault ends. */
        KILL,
        /** graceful stop (SIGTERM) of one node, start it again. */
        RESTART,
        /** kill -9 every node, then start them all at once. */
        RESTART_ALL,
        /** isolate one node from the others' quorum links (fault API), then heal. */
        PARTITION,
        /** SIGSTOP one node's process, SIGCONT when the fault ends. */
        PAUSE,
        /** add a server by reconfig when 3 members, else remove the newest added one. */
        MEMBERSHIP;

        static Set<Kind> parse(String list) {
            return list.isBlank() ? java.util.EnumSet.allOf(Kind.class)
                    : java.util.Arrays.stream(list.trim().split("[ ,]+")).map(Kind::valueOf)
                            .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Kind.class)));
        }
    }

    /**
     * One step: wait {@code gapMillis}, inject {@code kind} on the target, hold it {@code faultMillis}, end it.
     *
     * @param leader true: target the current leader; false: the {@code pick}-th member
     */
    record Step(Kind kind, boolean leader, int pick, long gapMillis, long faultMillis) {
        @Override
        public String toString() {
            String target = kind == Kind.RESTART_ALL || kind == Kind.MEMBERSHIP ? "" : leader ? " leader" : " member#" + pick;
            return "+" + gapMillis + "ms " + kind + target + " for " + faultMillis + "ms";
        }
    }

    /** A schedule of {@code count} steps over {@code kinds}, gaps and fault durations within the given bounds. */
    static NemesisPlan generate(long seed, Set<Kind> kinds, int count, long minGap, long maxGap, long minFault,
            long maxFault) {
        Random r = new Random(seed);
        List<Kind> pool = new ArrayList<>(new TreeSet<>(kinds));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind k = pool.get(r.nextInt(pool.size()));
            boolean leader = r.nextBoolean();
            int pick = r.nextInt(1000);
            long gap = minGap + (long) (r.nextDouble() * (maxGap - minGap));
            long fault = minFault + (long) (r.nextDouble() * (maxFault - minFault));
            steps.add(new Step(k, leader, pick, gap, fault));
        }
        return new NemesisPlan(seed, new TreeSet<>(kinds), List.copyOf(steps));
    }
}
