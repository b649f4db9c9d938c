package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.lincheck.LinearizabilityChecker;
import org.quorumlab.engine.consensus.lincheck.RegisterOp;
import org.quorumlab.engine.consensus.sim.SimStateMachine;
import org.quorumlab.engine.consensus.sim.SimulatedCluster;

/**
 * Simulated clients issue register operations against the replicated state machine while the
 * simulator injects faults. Writes and compare-and-sets go through the leader (proposed directly
 * or forwarded by a follower) and complete when the server the client talks to applies them;
 * reads are served by any server after a {@code sync}. The recorded history must be linearizable.
 */
@Tag("simulation")
class LinearizableRegisterSimTest {
    private static final Timing TIMING = new Timing(2, 8, 1, 10, 5);
    private static final int CLIENTS = 4;

    private static final class Client {
        final int id;
        Integer op;          // index in ops of the outstanding op
        long server;
        long startedAt;

        Client(int id) {
            this.id = id;
        }
    }

    @Test
    void clientHistoriesUnderFaultsAreLinearizable() {
        int seeds = Math.max(20, Integer.getInteger("quorumlab.sim.seeds", 500) / 10);
        long[] completed = new long[3];
        for (long seed = 0; seed < seeds; seed++) {
            long[] k = runOne(seed, true);
            for (int i = 0; i < 3; i++) {
                completed[i] += k[i];
            }
        }
        // the histories must exercise the checker: completed reads, writes and CAS
        assertThat(completed[0]).as("reads").isGreaterThan(seeds * 5L);
        assertThat(completed[1]).as("writes").isGreaterThan(seeds * 5L);
        assertThat(completed[2]).as("cas").isGreaterThan(seeds * 2L);
    }

    /**
     * ZooKeeper's plain reads (served from local state without sync) are only sequentially
     * consistent; the checker must catch a stale read in some schedule. This keeps the simulator
     * test honest: it can fail.
     */
    @Test
    void localReadsWithoutSyncAreCaughtAsNonLinearizable() {
        int violations = 0;
        for (long seed = 0; seed < 40 && violations == 0; seed++) {
            try {
                runOne(seed, false);
            } catch (AssertionError expected) {
                violations++;
            }
        }
        assertThat(violations).isPositive();
    }

    /** Returns the numbers of completed reads, writes and CAS. */
    private static long[] runOne(long seed, boolean syncReads) {
        SimulatedCluster c = new SimulatedCluster(1000 + seed, QuorumConfig.ofVoters(1L, 2L, 3L), TIMING);
        Random rnd = c.random();
        c.network().dropNotifications = 0.1;
        c.network().dropPeers = 0.005;
        c.network().maxDelay = 2;
        c.setClockSkew(0.3);
        List<RegisterOp> ops = new ArrayList<>();
        List<Boolean> dropped = new ArrayList<>();
        Client[] clients = new Client[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = new Client(i);
        }
        Map<String, Integer> writeByKey = new HashMap<>();
        Map<Long, Integer> readByToken = new HashMap<>();
        c.onApply((node, r) -> {
            Integer idx = writeByKey.get(r.opKey());
            if (idx == null || ops.get(idx).ret() != RegisterOp.PENDING) {
                return;
            }
            Client cl = clients[Integer.parseInt(r.opKey().split("\\|")[0])];
            if (cl.op == null || !cl.op.equals(idx) || cl.server != node) {
                return;
            }
            RegisterOp o = ops.get(idx);
            ops.set(idx, new RegisterOp(o.id(), o.kind(), o.arg(), o.expected(), o.call(), c.now(), r.ok(), 0, 0));
            cl.op = null;
        });
        c.onSyncCompleted((node, token) -> {
            Integer idx = readByToken.remove(token);
            if (idx == null) {
                return;
            }
            Client cl = clients[(int) (token % CLIENTS)];
            SimStateMachine sm = c.node(node).stateMachine();
            RegisterOp o = ops.get(idx);
            ops.set(idx, RegisterOp.read(o.id(), o.call(), c.now(), sm.value(), sm.version()));
            cl.op = null;
        });
        long tokens = 0;
        int steps = 800;
        for (int step = 0; step < steps; step++) {
            c.randomStep(step < steps - 150 ? 0.015 : 0.0);
            Client cl = clients[rnd.nextInt(CLIENTS)];
            if (cl.op != null && c.now() - cl.startedAt > 150) {
                // give up: a write stays pending (unknown outcome), a read is dropped (no effect)
                if (ops.get(cl.op).kind() == RegisterOp.Kind.READ) {
                    dropped.set(cl.op, true);
                }
                cl.op = null;
            }
            if (cl.op != null || rnd.nextInt(4) != 0) {
                continue;
            }
            long server = 1 + rnd.nextInt(3);
            if (c.zab(server) == null) {
                continue;
            }
            int idx = ops.size();
            int kind = rnd.nextInt(3);
            if (kind == 0 && !syncReads) {
                SimStateMachine sm = c.node(server).stateMachine();
                ops.add(RegisterOp.read(idx, c.now(), c.now(), sm.value(), sm.version()));
                dropped.add(false);
                continue;
            }
            if (kind == 0) {
                long token = ++tokens * CLIENTS + cl.id;
                if (!c.sync(server, token)) {
                    continue;
                }
                ops.add(RegisterOp.read(idx, c.now(), RegisterOp.PENDING, 0, 0));
                dropped.add(false);
                readByToken.put(token, idx);
            } else {
                long v = rnd.nextInt(100);
                long expected = c.node(server).stateMachine().version();
                String key = cl.id + "|" + idx;
                String payload = kind == 1 ? "W|" + key + "|" + v : "C|" + key + "|" + expected + "|" + v;
                ZabNode z = c.zab(server);
                boolean issued = z.isEstablishedLeader()
                        ? c.propose(server, payload) instanceof ProposeResult.Accepted
                        : c.forward(server, payload);
                if (!issued) {
                    continue;
                }
                ops.add(kind == 1 ? RegisterOp.write(idx, c.now(), RegisterOp.PENDING, v)
                        : RegisterOp.cas(idx, c.now(), RegisterOp.PENDING, expected, v, false));
                dropped.add(false);
                writeByKey.put(key, idx);
            }
            cl.op = idx;
            cl.server = server;
            cl.startedAt = c.now();
        }
        List<RegisterOp> history = new ArrayList<>();
        for (RegisterOp o : ops) {
            boolean unansweredRead = o.kind() == RegisterOp.Kind.READ && o.pending();
            if (!dropped.get(o.id()) && !unansweredRead) {
                history.add(new RegisterOp(history.size(), o.kind(), o.arg(), o.expected(), o.call(), o.ret(), o.ok(),
                        o.value(), o.version()));
            }
        }
        LinearizabilityChecker.Result r = LinearizabilityChecker.check(history);
        assertThat(r.linearizable()).as("seed %d history %s\n%s", 1000 + seed, history, c.trace()).isTrue();
        long[] counts = new long[3];
        for (RegisterOp o : history) {
            if (!o.pending()) {
                counts[o.kind().ordinal()]++;
            }
        }
        return counts;
    }
}
