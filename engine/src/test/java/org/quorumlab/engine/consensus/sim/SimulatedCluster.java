package org.quorumlab.engine.consensus.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.ProposeResult;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.Timing;
import org.quorumlab.engine.consensus.ZabNode;
import org.quorumlab.engine.consensus.Zxid;

/**
 * A deterministic cluster of {@link ZabNode}s driven by one seeded {@link Random}: network faults,
 * crashes with loss of unflushed writes, restarts, disk wipes, clock skew. Every step is followed by
 * invariant checks; a violation fails with the seed and the last 50 trace lines.
 */
public final class SimulatedCluster {
    private static final boolean TRACE_VOTES = Boolean.getBoolean("quorumlab.sim.traceVotes");
    private final long seed;
    private final Random rnd;
    private final Timing timing;
    private final Map<Long, SimNode> nodes = new TreeMap<>();
    final SimNetwork net;
    final Trace trace = new Trace(Integer.getInteger("quorumlab.sim.trace", 50));
    final InvariantChecker invariants = new InvariantChecker();
    final List<BiConsumer<Long, SimStateMachine.OpResult>> applyListeners = new ArrayList<>();
    final List<BiConsumer<Long, Long>> syncListeners = new ArrayList<>();
    final Map<String, Integer> stats = new TreeMap<>();
    final java.util.Set<Long> committedConfigVersions = new java.util.TreeSet<>();
    final List<Event.SyncModeChosen> syncDecisions = new ArrayList<>();
    private final RandomSchedule schedule = new RandomSchedule(this);
    private final SimHost host = new SimHost(this);
    long now;
    private long payloadCounter;

    /** Creates and starts one server per member of {@code config}. */
    public SimulatedCluster(long seed, QuorumConfig config, Timing timing) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.timing = timing;
        this.net = new SimNetwork(rnd);
        for (long id : config.members()) {
            addNode(id, config);
        }
    }

    /** Adds and starts a server with the given initial configuration (e.g. a joining server). */
    public SimNode addNode(long id, QuorumConfig config) {
        SimNode n = new SimNode(id, config, timing);
        nodes.put(id, n);
        n.start();
        drive(n);
        return n;
    }

    /** The network, for fault knobs. */
    public SimNetwork network() {
        return net;
    }

    /** The seeded random (for test drivers that must stay reproducible). */
    public Random random() {
        return rnd;
    }

    /** The invariant checker. */
    public InvariantChecker invariants() {
        return invariants;
    }

    /** All simulated servers. */
    public Collection<SimNode> nodes() {
        return nodes.values();
    }

    /** One server. */
    public SimNode node(long id) {
        return nodes.get(id);
    }

    /** The live ZabNode of {@code id} (null if crashed). */
    public ZabNode zab(long id) {
        return nodes.get(id).zab;
    }

    /** Simulation step counter. */
    public long now() {
        return now;
    }

    /** Listener for client-visible results, called when a server applies a client op. */
    public void onApply(BiConsumer<Long, SimStateMachine.OpResult> l) {
        applyListeners.add(l);
    }

    /** Listener for completed syncs (node, token). */
    public void onSyncCompleted(BiConsumer<Long, Long> l) {
        syncListeners.add(l);
    }

    /** Sets per-node tick rates in [1 - skew, 1] (a node with rate r ticks with probability r). */
    public void setClockSkew(double skew) {
        for (SimNode n : nodes.values()) {
            n.tickRate = 1.0 - rnd.nextDouble() * skew;
        }
    }

    // ------------------------------------------------------------------ driving nodes

    private void drive(SimNode n) {
        while (n.zab != null) {
            List<Action> actions = n.zab.drain().all();
            if (actions.isEmpty()) {
                return;
            }
            for (Action a : actions) {
                if (n.zab == null) {
                    return;
                }
                host.execute(n, a);
            }
        }
    }

    static String brief(Message m) {
        if (m instanceof Message.Peer p) {
            String s = p.packet().toString();
            return "Peer#" + p.seq() + " " + (s.length() > 90 ? s.substring(0, 90) + "..." : s);
        }
        return m.toString();
    }

    private <T> T guarded(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (InvariantChecker.Violation | IllegalStateException | IllegalArgumentException v) {
            throw new AssertionError("seed=" + seed + " step=" + now + ": " + v.getMessage()
                    + "\nlast events:\n" + trace, v);
        }
    }

    private void run(Runnable r) {
        guarded(() -> {
            r.run();
            return null;
        });
    }

    // ------------------------------------------------------------------ primitive steps

    /** Delivers one random deliverable message; returns false if none. */
    public boolean deliverOne() {
        return deliverOne(now);
    }

    private boolean deliverOne(long horizon) {
        SimNetwork.InFlight f = net.pick(horizon);
        if (f == null) {
            return false;
        }
        SimNode to = nodes.get(f.to());
        if (to == null || to.zab == null || net.isCut(f.from(), f.to())) {
            return true;
        }
        run(() -> {
            if (f.msg() instanceof Message.Peer || TRACE_VOTES) {
                trace.add(now, f.to(), () -> "<- n" + f.from() + " " + brief(f.msg()));
            }
            to.zab.step(f.msg());
            drive(to);
        });
        return true;
    }

    /** Ticks one server. */
    public void tick(long id) {
        SimNode n = nodes.get(id);
        if (n.zab != null) {
            run(() -> {
                n.zab.tick();
                drive(n);
            });
        }
    }

    /** Group commit: makes the pending writes of {@code id} durable and reports the last one. */
    public void flush(long id) {
        SimNode n = nodes.get(id);
        long last = -1;
        int batches = n.pending.size() <= 1 ? 1 : 1 + rnd.nextInt(n.pending.size());
        for (int i = 0; i < batches; i++) {
            last = Math.max(last, n.flushOne());
        }
        long z = last;
        if (z >= 0 && n.zab != null) {
            run(() -> {
                n.zab.persisted(z);
                drive(n);
            });
        }
    }

    /** Delivers every message (ignoring delays) and flushes every write until quiet. */
    public void stabilize() {
        for (int guard = 0; guard < 100_000; guard++) {
            now++;
            if (deliverOne(Long.MAX_VALUE)) {
                continue;
            }
            boolean flushed = false;
            for (SimNode n : nodes.values()) {
                if (!n.pending.isEmpty()) {
                    flush(n.id);
                    flushed = true;
                }
            }
            if (!flushed) {
                return;
            }
        }
        for (int i = 0; i < 30; i++) {
            SimNetwork.InFlight f = net.pick(Long.MAX_VALUE);
            if (f == null) {
                break;
            }
            trace.add(now, f.to(), "pending <- n" + f.from() + " " + brief(f.msg()));
        }
        throw new AssertionError("seed=" + seed + ": no quiescence\n" + trace);
    }

    /** Ticks every live server once, then stabilizes. */
    public void tickAll() {
        for (SimNode n : nodes.values()) {
            tick(n.id);
        }
        stabilize();
    }

    /** Runs tick rounds until {@code cond} holds; fails after {@code maxRounds}. */
    public void tickUntil(BooleanSupplier cond, int maxRounds, String what) {
        stabilize();
        for (int i = 0; i < maxRounds && !cond.getAsBoolean(); i++) {
            tickAll();
        }
        if (!cond.getAsBoolean()) {
            throw new AssertionError("seed=" + seed + ": not reached within " + maxRounds + " rounds: " + what
                    + "\nnodes: " + nodes.values().stream().map(n -> String.valueOf(n.zab)).toList() + "\n" + trace);
        }
    }

    // ------------------------------------------------------------------ queries and client helpers

    /** The established leader with the highest epoch among live servers, or null. */
    public ZabNode leader() {
        ZabNode best = null;
        for (SimNode n : nodes.values()) {
            if (n.zab != null && n.zab.isEstablishedLeader() && (best == null || n.zab.epoch() > best.epoch())) {
                best = n.zab;
            }
        }
        return best;
    }

    /** Number of live servers that are synced learners of {@code leader} or the leader itself. */
    public int syncedWith(ZabNode leader) {
        return syncedVoters(leader).size();
    }

    /** Proposes an opaque txn at {@code id}; returns the result. */
    public ProposeResult propose(long id, String payload) {
        SimNode n = nodes.get(id);
        return guarded(() -> {
            ProposeResult r = n.zab.propose(payload.getBytes(StandardCharsets.UTF_8));
            drive(n);
            return r;
        });
    }

    /** Proposes a reconfiguration at {@code id}. */
    public ProposeResult reconfig(long id, QuorumConfig cfg) {
        SimNode n = nodes.get(id);
        return guarded(() -> {
            ProposeResult r = n.zab.proposeReconfig(cfg);
            trace.add(now, id, () -> "reconfig " + cfg + " -> " + r);
            drive(n);
            return r;
        });
    }

    /** Forwards a client request from {@code id} to its leader. */
    public boolean forward(long id, String request) {
        SimNode n = nodes.get(id);
        return guarded(() -> {
            boolean ok = n.zab != null && n.zab.forward(request.getBytes(StandardCharsets.UTF_8));
            drive(n);
            return ok;
        });
    }

    /** Starts a sync at {@code id}. */
    public boolean sync(long id, long token) {
        SimNode n = nodes.get(id);
        return guarded(() -> {
            boolean ok = n.zab != null && n.zab.sync(token);
            drive(n);
            return ok;
        });
    }

    /** A unique opaque payload. */
    public String nextPayload() {
        return "P|" + (++payloadCounter);
    }

    // ------------------------------------------------------------------ faults

    /** Crashes a server: volatile state and unflushed writes are lost, connections reset. */
    public void crash(long id) {
        trace.add(now, id, "CRASH");
        nodes.get(id).crash();
        net.dropTo(id);
    }

    /** Restarts a crashed server from its disk. */
    public void restart(long id) {
        SimNode n = nodes.get(id);
        if (n.zab != null) {
            return;
        }
        trace.add(now, id, "RESTART");
        run(() -> {
            n.start();
            drive(n);
        });
    }

    /** Crashes a server and wipes its disk and application state. */
    public void wipe(long id) {
        trace.add(now, id, "WIPE");
        nodes.get(id).wipe();
        invariants.onWipe(id);
        net.dropTo(id);
    }

    /** Compacts {@code id}'s log into its application snapshot. */
    public void compact(long id) {
        nodes.get(id).compact();
    }

    /** Cuts the link a-b. */
    public void cut(long a, long b) {
        trace.add(now, a, "CUT n" + a + "-n" + b);
        net.cut(a, b);
        net.dropCut();
    }

    /** Cuts {@code id} from everyone. */
    public void isolate(long id) {
        for (long other : nodes.keySet()) {
            if (other != id) {
                net.cut(id, other);
            }
        }
        trace.add(now, id, "ISOLATE");
        net.dropCut();
    }

    /** Only servers in the same group can talk. */
    public void partition(List<List<Long>> groups) {
        for (long a : nodes.keySet()) {
            for (long b : nodes.keySet()) {
                if (a < b && groups.stream().noneMatch(g -> g.contains(a) && g.contains(b))) {
                    net.cut(a, b);
                }
            }
        }
        trace.add(now, 0, "PARTITION " + groups);
        net.dropCut();
    }

    /** Restores every link. */
    public void heal() {
        trace.add(now, 0, "HEAL");
        net.healAll();
    }

    // ------------------------------------------------------------------ randomized schedule

    /** One random step: delivery, tick, flush, client activity or (if {@code faults}) a fault (6%). */
    public void randomStep(boolean faults) {
        schedule.step(faults ? 0.06 : 0.0);
    }

    /** One random step; a fault is injected with probability {@code faultRate}. */
    public void randomStep(double faultRate) {
        schedule.step(faultRate);
    }

    /**
     * Liveness: heals the network, restarts every server, disables message loss, and requires that
     * a leader gets established and a fresh proposal commits within {@code maxRounds} tick rounds.
     */
    public void checkLiveness(int maxRounds) {
        schedule.checkLiveness(maxRounds);
    }

    void advanceStep() {
        now++;
    }

    java.util.Set<Long> syncedVoters(ZabNode leader) {
        java.util.Set<Long> s = new java.util.HashSet<>();
        for (SimNode n : nodes.values()) {
            if (n.zab != null && (n.zab == leader || (n.zab.isSyncedLearner() && n.zab.leaderId() == leader.id()))) {
                s.add(n.id);
            }
        }
        return s;
    }

    /** Counts of executed actions and events by kind (e.g. "Apply", "SyncSNAP", "LeaderEstablished"). */
    public Map<String, Integer> stats() {
        return stats;
    }

    /** Versions of the reconfigurations that committed and became active on some server. */
    public java.util.Set<Long> committedConfigVersions() {
        return committedConfigVersions;
    }

    /** Every sync decision taken by any leader, in order. */
    public List<Event.SyncModeChosen> syncDecisions() {
        return syncDecisions;
    }

    /** Sync decisions taken for {@code peer}. */
    public List<org.quorumlab.engine.consensus.SyncMode> syncModesFor(long peer) {
        return syncDecisions.stream().filter(e -> e.peer() == peer).map(Event.SyncModeChosen::mode).toList();
    }

    /** Seed of this run. */
    public long seed() {
        return seed;
    }

    /** Trace of the last events. */
    public String trace() {
        return trace.toString();
    }
}
