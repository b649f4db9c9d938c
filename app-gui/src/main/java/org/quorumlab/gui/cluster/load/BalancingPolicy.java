package org.quorumlab.gui.cluster.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** How the generator picks the client (and so the server) for the next request. */
public enum BalancingPolicy {
    RANDOM, ROUND_ROBIN, LEAST_OUTSTANDING, LEAST_RESPONSE_TIME, WEIGHTED_RANDOM;

    /** What a policy needs to know about each client. */
    public interface Candidate {
        int outstanding();

        /** Smoothed response time in ms. */
        double responseMs();

        /** Relative weight (WEIGHTED_RANDOM). */
        double weight();

        boolean usable();
    }

    /** Index of the chosen candidate, or -1 if none is usable. */
    public int choose(List<? extends Candidate> cs, AtomicLong cursor) {
        int n = cs.size();
        if (n == 0) {
            return -1;
        }
        switch (this) {
            case ROUND_ROBIN -> {
                for (int i = 0; i < n; i++) {
                    int k = (int) Math.floorMod(cursor.getAndIncrement(), (long) n);
                    if (cs.get(k).usable()) {
                        return k;
                    }
                }
                return -1;
            }
            case LEAST_OUTSTANDING -> {
                return best(cs, c -> c.outstanding());
            }
            case LEAST_RESPONSE_TIME -> {
                return best(cs, Candidate::responseMs);
            }
            case WEIGHTED_RANDOM -> {
                double total = cs.stream().filter(Candidate::usable).mapToDouble(Candidate::weight).sum();
                double r = ThreadLocalRandom.current().nextDouble() * total;
                for (int i = 0; i < n; i++) {
                    if (cs.get(i).usable()) {
                        r -= cs.get(i).weight();
                        if (r <= 0) {
                            return i;
                        }
                    }
                }
                return firstUsable(cs);
            }
            default -> {
                int start = ThreadLocalRandom.current().nextInt(n);
                for (int i = 0; i < n; i++) {
                    int k = (start + i) % n;
                    if (cs.get(k).usable()) {
                        return k;
                    }
                }
                return -1;
            }
        }
    }

    private static int best(List<? extends Candidate> cs, java.util.function.ToDoubleFunction<Candidate> cost) {
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        int offset = ThreadLocalRandom.current().nextInt(cs.size());
        for (int i = 0; i < cs.size(); i++) {
            int k = (offset + i) % cs.size();
            Candidate c = cs.get(k);
            if (c.usable() && cost.applyAsDouble(c) < bestCost) {
                best = k;
                bestCost = cost.applyAsDouble(c);
            }
        }
        return best;
    }

    private static int firstUsable(List<? extends Candidate> cs) {
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).usable()) {
                return i;
            }
        }
        return -1;
    }
}
