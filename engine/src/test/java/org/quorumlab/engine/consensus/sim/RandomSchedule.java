package org.quorumlab.engine.consensus.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quorumlab.engine.consensus.ZabNode;

/**
 * The randomized part of the simulator: picks the next step (delivery, tick with clock skew,
 * group-commit flush, client proposal or forwarded request, fault) from the cluster's seeded
 * random, and runs the final liveness check.
 */
final class RandomSchedule {
    private final SimulatedCluster c;

    RandomSchedule(SimulatedCluster cluster) {
        this.c = cluster;
    }

    void step(double faultRate) {
        c.advanceStep();
        Random rnd = c.random();
        List<Long> ids = new ArrayList<>();
        for (SimNode n : c.nodes()) {
            ids.add(n.id);
        }
        long target = ids.get(rnd.nextInt(ids.size()));
        if (rnd.nextDouble() < faultRate) {
            fault(target, ids);
            return;
        }
        int r = rnd.nextInt(100);
        if (r < 62) {
            if (!c.deliverOne()) {
                c.tick(target);
            }
        } else if (r < 80) {
            if (rnd.nextDouble() < c.node(target).tickRate) {
                c.tick(target);
            }
        } else if (r < 96) {
            c.flush(target);
        } else {
            clientActivity(target);
        }
    }

    private void clientActivity(long target) {
        ZabNode l = c.leader();
        if (c.zab(target) == null) {
            return;
        }
        if (c.random().nextBoolean() && l != null) {
            c.propose(l.id(), c.nextPayload());
        } else {
            c.forward(target, c.nextPayload());
        }
    }

    private void fault(long target, List<Long> ids) {
        Random rnd = c.random();
        switch (rnd.nextInt(10)) {
            case 0, 1 -> {
                if (c.zab(target) != null) {
                    c.crash(target);
                } else {
                    c.restart(target);
                }
            }
            case 2, 3 -> c.restart(target);
            case 4 -> c.isolate(target);
            case 5 -> {
                List<Long> shuffled = new ArrayList<>(ids);
                Collections.shuffle(shuffled, rnd);
                int cutAt = 1 + rnd.nextInt(shuffled.size() - 1);
                c.partition(List.of(shuffled.subList(0, cutAt), shuffled.subList(cutAt, shuffled.size())));
            }
            case 6 -> c.cut(target, ids.get(rnd.nextInt(ids.size())));
            case 7, 8 -> c.heal();
            default -> c.compact(target);
        }
    }

    void checkLiveness(int maxRounds) {
        c.heal();
        c.network().dropNotifications = 0;
        c.network().dropPeers = 0;
        c.network().duplicate = 0;
        for (SimNode n : c.nodes()) {
            c.restart(n.id);
        }
        long[] attempt = {-1, -1, -1}; // leader id, epoch, zxid
        c.tickUntil(() -> {
            ZabNode l = c.leader();
            if (l == null || !l.config().isQuorum(c.syncedVoters(l))) {
                return false;
            }
            if (attempt[0] == l.id() && attempt[1] == l.epoch()) {
                return l.appliedZxid() >= attempt[2];
            }
            long z = c.propose(l.id(), "liveness|" + c.seed() + "|" + l.epoch()).zxidOrMinusOne();
            attempt[0] = l.id();
            attempt[1] = l.epoch();
            attempt[2] = z < 0 ? Long.MAX_VALUE : z;
            return false;
        }, maxRounds, "leader established with a synced quorum and a fresh proposal applied");
    }
}
