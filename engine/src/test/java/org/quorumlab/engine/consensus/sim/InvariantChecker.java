package org.quorumlab.engine.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Zxid;
import org.quorumlab.engine.consensus.ZabNode;

/**
 * ZAB safety properties checked as the simulation runs: one established leader per epoch;
 * applied sequences of all servers are prefixes of one canonical sequence (same position, same
 * zxid, same payload); applied zxids strictly increase and nothing is applied twice; every
 * committed entry is in the history of every later established leader.
 */
public final class InvariantChecker {
    private final Map<Long, Long> leaderOfEpoch = new HashMap<>();
    private final List<Long> canonicalZxids = new ArrayList<>();
    private final List<Long> canonicalChain = new ArrayList<>();
    private final Map<Long, Long> lastAppliedZxid = new HashMap<>();

    /** A violation, reported with the seed and trace by the cluster. */
    public static final class Violation extends RuntimeException {
        Violation(String msg) {
            super(msg);
        }
    }

    private static void fail(String msg) {
        throw new Violation(msg);
    }

    /** Number of entries committed somewhere. */
    public int committedCount() {
        return canonicalZxids.size();
    }

    /** Last zxid committed somewhere (0 if none). */
    public long lastCommittedZxid() {
        return canonicalZxids.isEmpty() ? 0 : canonicalZxids.get(canonicalZxids.size() - 1);
    }

    void onEstablished(long node, long epoch, ZabNode zab) {
        Long prev = leaderOfEpoch.putIfAbsent(epoch, node);
        if (prev != null && prev != node) {
            fail("two established leaders in epoch " + epoch + ": n" + prev + " and n" + node);
        }
        for (long z : canonicalZxids) {
            if (!zab.historyContains(z)) {
                fail("committed " + Zxid.toHex(z) + " missing from history of new leader n" + node + " epoch " + epoch);
            }
        }
    }

    /** Called after the node's state machine applied {@code e}; {@code size}/{@code chain} are post-apply. */
    void onApply(long node, LogEntry e, long size, long chain) {
        long last = lastAppliedZxid.getOrDefault(node, -1L);
        if (e.zxid() <= last) {
            fail("n" + node + " applied " + Zxid.toHex(e.zxid()) + " after " + Zxid.toHex(last) + " (not increasing / applied twice)");
        }
        lastAppliedZxid.put(node, e.zxid());
        int idx = (int) size - 1;
        if (idx < canonicalZxids.size()) {
            if (canonicalZxids.get(idx) != e.zxid() || canonicalChain.get(idx) != chain) {
                fail("n" + node + " applied " + Zxid.toHex(e.zxid()) + " at position " + idx
                        + " but canonical has " + Zxid.toHex(canonicalZxids.get(idx)) + " (diverging committed prefixes)");
            }
        } else if (idx == canonicalZxids.size()) {
            canonicalZxids.add(e.zxid());
            canonicalChain.add(chain);
        } else {
            fail("n" + node + " applied position " + idx + " beyond canonical length " + canonicalZxids.size());
        }
    }

    void onSnapshotInstalled(long node, long oldSize, SimStateMachine sm) {
        if (sm.size() < oldSize) {
            fail("n" + node + " snapshot shrinks applied sequence " + oldSize + " -> " + sm.size());
        }
        int idx = (int) sm.size() - 1;
        if (idx >= 0 && (idx >= canonicalChain.size() || canonicalChain.get(idx) != sm.chain())) {
            fail("n" + node + " installed a snapshot that is not a committed prefix (size " + sm.size() + ")");
        }
        lastAppliedZxid.put(node, sm.lastAppliedZxid());
    }

    void onWipe(long node) {
        lastAppliedZxid.remove(node);
    }
}
