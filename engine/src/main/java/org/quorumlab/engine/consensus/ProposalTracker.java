package org.quorumlab.engine.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Outstanding proposals of an established leader and their acknowledgements. Acks are cumulative
 * (an ack for z acknowledges every outstanding proposal up to z). Proposals commit strictly in zxid
 * order. While a reconfiguration is outstanding, it and every later proposal need a quorum of the
 * old configuration and a quorum of the new one (ZooKeeper 3.5+).
 */
final class ProposalTracker {
    private static final class Pending {
        final LogEntry entry;
        final QuorumConfig alsoNeeds;
        final Set<Long> acks = new HashSet<>();

        Pending(LogEntry entry, QuorumConfig alsoNeeds) {
            this.entry = entry;
            this.alsoNeeds = alsoNeeds;
        }
    }

    private final TreeMap<Long, Pending> outstanding = new TreeMap<>();
    /**
     * Per acker: every outstanding proposal with a zxid up to this value already holds its ack, so an
     * ack only walks the proposals above it (cumulative acks otherwise re-walk the whole window).
     */
    private final Map<Long, Long> ackedThrough = new HashMap<>();
    /** Reconfiguration proposals among {@link #outstanding}. */
    private int reconfigs;

    void add(LogEntry entry, QuorumConfig pendingReconfig) {
        QuorumConfig extra = entry.isReconfig() ? entry.newConfig() : pendingReconfig;
        outstanding.put(entry.zxid(), new Pending(entry, extra));
        if (entry.isReconfig()) {
            reconfigs++;
        }
        // keep the invariant for a proposal added at or below an acker's mark (zxids normally only grow)
        ackedThrough.replaceAll((sid, through) -> through >= entry.zxid() ? entry.zxid() - 1 : through);
    }

    void ack(long sid, long upTo) {
        long through = ackedThrough.getOrDefault(sid, Long.MIN_VALUE);
        if (upTo <= through) {
            return;
        }
        for (Pending p : outstanding.subMap(through, false, upTo, true).values()) {
            p.acks.add(sid);
        }
        ackedThrough.put(sid, upTo);
    }

    /** Removes and returns, in order, the proposals that now have their quorums. */
    List<LogEntry> takeCommittable(QuorumConfig current) {
        List<LogEntry> out = new ArrayList<>();
        while (!outstanding.isEmpty()) {
            Map.Entry<Long, Pending> first = outstanding.firstEntry();
            Pending p = first.getValue();
            boolean ok = current.isQuorum(p.acks) && (p.alsoNeeds == null || p.alsoNeeds.isQuorum(p.acks));
            if (!ok) {
                break;
            }
            outstanding.pollFirstEntry();
            out.add(p.entry);
            if (p.entry.isReconfig()) {
                reconfigs--;
                break; // the caller activates the new config before judging later proposals
            }
        }
        return out;
    }

    /** The uncommitted reconfiguration, or null. */
    QuorumConfig pendingReconfig() {
        if (reconfigs == 0) {
            return null;
        }
        for (Pending p : outstanding.values()) {
            if (p.entry.isReconfig()) {
                return p.entry.newConfig();
            }
        }
        return null;
    }
}
