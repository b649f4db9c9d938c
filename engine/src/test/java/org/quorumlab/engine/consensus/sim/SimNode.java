package org.quorumlab.engine.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.consensus.DurableState;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.LogHistory;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.Timing;
import org.quorumlab.engine.consensus.ZabNode;

/**
 * One simulated server: an in-memory disk (epochs, log, config, boot count), a queue of
 * not-yet-durable log writes that a crash loses, the durable application state and the live
 * {@link ZabNode} (null while crashed).
 */
public final class SimNode {
    /**
     * Applied entries a simulated node keeps in memory: few, so that learners that fall behind are
     * synced from the durable log ({@link LogHistory}) in every randomized run.
     */
    static final int APPLIED_ENTRIES_KEPT = 3;
    final long id;
    private final Timing timing;
    long acceptedEpoch;
    long currentEpoch;
    long snapshotZxid;
    long bootCount;
    QuorumConfig config;
    final List<LogEntry> durableLog = new ArrayList<>();
    final List<Action.PersistEntries> pending = new ArrayList<>();
    final SimStateMachine sm = new SimStateMachine();
    ZabNode zab;
    double tickRate = 1.0;

    SimNode(long id, QuorumConfig config, Timing timing) {
        this.id = id;
        this.config = config;
        this.timing = timing;
    }

    /** The live node, or null if crashed. */
    public ZabNode zab() {
        return zab;
    }

    /** Durable application state. */
    public SimStateMachine stateMachine() {
        return sm;
    }

    /** True iff running. */
    public boolean isUp() {
        return zab != null;
    }

    void start() {
        bootCount++;
        DurableState ds = new DurableState(acceptedEpoch, currentEpoch, durableLog,
                Math.max(snapshotZxid, Math.min(sm.lastAppliedZxid(), lastDurableZxid())), snapshotZxid, bootCount);
        zab = new ZabNode(id, config, ds, timing, sm, new LogHistory() {
            @Override
            public int appliedEntriesKept() {
                return APPLIED_ENTRIES_KEPT;
            }

            @Override
            public List<LogEntry> read(long after, long upTo) {
                if (after < snapshotZxid) {
                    return null; // compacted away, as a purged log
                }
                return durableLog.stream().filter(e -> e.zxid() > after && e.zxid() <= upTo).toList();
            }
        });
    }

    long lastDurableZxid() {
        return durableLog.isEmpty() ? snapshotZxid : durableLog.get(durableLog.size() - 1).zxid();
    }

    void crash() {
        zab = null;
        pending.clear();
    }

    void wipe() {
        crash();
        acceptedEpoch = 0;
        currentEpoch = 0;
        snapshotZxid = 0;
        durableLog.clear();
        sm.wipe();
    }

    /** Makes the oldest pending write durable; returns its last zxid or -1. */
    long flushOne() {
        if (pending.isEmpty()) {
            return -1;
        }
        Action.PersistEntries p = pending.remove(0);
        appendDurable(p.entries());
        return p.lastZxid();
    }

    void flushAllSilently() {
        while (!pending.isEmpty()) {
            appendDurable(pending.remove(0).entries());
        }
    }

    private void appendDurable(List<LogEntry> entries) {
        for (LogEntry e : entries) {
            if (e.zxid() <= lastDurableZxid()) {
                throw new AssertionError("n" + id + " durable log not ascending at " + e);
            }
            durableLog.add(e);
        }
    }

    void truncateDurable(long after) {
        flushAllSilently();
        durableLog.removeIf(e -> e.zxid() > after);
    }

    void installSnapshot(long zxid, byte[] snap) {
        flushAllSilently();
        durableLog.clear();
        snapshotZxid = zxid;
        sm.install(snap);
    }

    /** Compacts the durable log up to the applied zxid and tells the node. */
    void compact() {
        long upTo = sm.lastAppliedZxid();
        if (zab == null || upTo <= snapshotZxid || upTo > zab.appliedZxid()) {
            return;
        }
        durableLog.removeIf(e -> e.zxid() <= upTo);
        snapshotZxid = upTo;
        zab.compactLog(upTo);
    }
}
