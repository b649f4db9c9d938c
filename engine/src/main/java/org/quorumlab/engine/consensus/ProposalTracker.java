package org.quorumlab.engine.consensus;

import java.util.ArrayList;
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

    void add(LogEntry entry, QuorumConfig pendingReconfig) {
        QuorumConfig extra = entry.isReconfig() ? entry.newConfig() : pendingReconfig;
        outstanding.put(entry.zxid(), new Pending(entry, extra));
    }

    void ack(long sid, long upTo) {
        for (Pending p : outstanding.headMap(upTo, true).values()) {
            p.acks.add(sid);
        }
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
                break; // the caller activates the new config before judging later proposals
            }
        }
        return out;
    }

    /** The uncommitted reconfiguration, or null. */
    QuorumConfig pendingReconfig() {
        for (Pending p : outstanding.values()) {
            if (p.entry.isReconfig()) {
                return p.entry.newConfig();
            }
        }
        return null;
    }
}
