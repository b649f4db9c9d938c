package org.quorumlab.gui.teaching;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quorumlab.gui.cluster.Role;

/**
 * What the teaching view knows about one node at one moment. Immutable; the {@code with*} methods
 * return changed copies.
 *
 * @param id             server id
 * @param role           current role
 * @param alive          false once the console saw it stop answering
 * @param epoch          current epoch, -1 unknown
 * @param lastZxid       highest zxid seen on it, -1 unknown
 * @param vote           its current vote (meaningful while LOOKING), or null
 * @param log            zxids of the current epoch and how far each got on this node
 * @param slowFactor     teaching speed factor (1 = real time)
 * @param paused         whether it holds every outbound message
 * @param messageDelayMs the delay each outbound message gets at this speed
 * @param cutTo          peers this node's outgoing link is cut to (partitioned or 100% drop)
 */
public record NodeState(long id, Role role, boolean alive, long epoch, long lastZxid, Vote vote,
        SortedMap<Long, EntryStatus> log, int slowFactor, boolean paused, long messageDelayMs, Set<Long> cutTo) {

    /** Entries kept in the log strip; older ones scroll out. */
    public static final int LOG_LIMIT = 48;

    public NodeState {
        log = Collections.unmodifiableSortedMap(new TreeMap<>(log));
        cutTo = Collections.unmodifiableSet(new TreeSet<>(cutTo));
    }

    /** A node seen for the first time. */
    public static NodeState initial(long id) {
        return new NodeState(id, Role.UNKNOWN, true, -1, -1, null, new TreeMap<>(), 1, false, 0, Set.of());
    }

    /** The epoch a zxid belongs to (its high 32 bits). */
    public static long epochOf(long zxid) {
        return zxid >>> 32;
    }

    /** The counter part of a zxid (its low 32 bits). */
    public static long counterOf(long zxid) {
        return zxid & 0xffffffffL;
    }

    public NodeState withRole(Role r) {
        return new NodeState(id, r, alive, epoch, lastZxid, vote, log, slowFactor, paused, messageDelayMs, cutTo);
    }

    public NodeState withAlive(boolean a) {
        return new NodeState(id, role, a, epoch, lastZxid, vote, log, slowFactor, paused, messageDelayMs, cutTo);
    }

    /** A known epoch ({@code e >= 0}); entries of other epochs leave the log strip. */
    public NodeState withEpoch(long e) {
        if (e < 0 || e == epoch) {
            return this;
        }
        TreeMap<Long, EntryStatus> kept = new TreeMap<>(log);
        kept.keySet().removeIf(z -> epochOf(z) != e);
        return new NodeState(id, role, alive, e, lastZxid, vote, kept, slowFactor, paused, messageDelayMs, cutTo);
    }

    /** The last zxid raised to {@code z} (never lowered). */
    public NodeState withZxidAtLeast(long z) {
        return z <= lastZxid ? this
                : new NodeState(id, role, alive, epoch, z, vote, log, slowFactor, paused, messageDelayMs, cutTo);
    }

    /** The last zxid as a poll reported it (may go down after a TRUNC). */
    public NodeState withLastZxid(long z) {
        return z < 0 ? this : new NodeState(id, role, alive, epoch, z, vote, log, slowFactor, paused, messageDelayMs, cutTo);
    }

    public NodeState withVote(Vote v) {
        return new NodeState(id, role, alive, epoch, lastZxid, v, log, slowFactor, paused, messageDelayMs, cutTo);
    }

    public NodeState withTeaching(int factor, boolean p, long delayMs) {
        return new NodeState(id, role, alive, epoch, lastZxid, vote, log, factor, p, delayMs, cutTo);
    }

    public NodeState withCutTo(Set<Long> peers) {
        return new NodeState(id, role, alive, epoch, lastZxid, vote, log, slowFactor, paused, messageDelayMs, peers);
    }

    /**
     * Entry {@code zxid} advanced to at least {@code status}. Ignored for zxids of another epoch
     * than the node's (when known) and for counter 0 (the NEWLEADER marker, not a transaction).
     */
    public NodeState withEntry(long zxid, EntryStatus status) {
        if (zxid < 0 || counterOf(zxid) == 0 || (epoch >= 0 && epochOf(zxid) != epoch)) {
            return this;
        }
        TreeMap<Long, EntryStatus> next = new TreeMap<>(log);
        next.merge(zxid, status, EntryStatus::max);
        trim(next);
        return new NodeState(id, role, alive, epoch, lastZxid, vote, next, slowFactor, paused, messageDelayMs, cutTo);
    }

    /** Every entry up to {@code zxid} committed, and {@code zxid} itself added as committed. */
    public NodeState withCommittedUpTo(long zxid) {
        NodeState added = withEntry(zxid, EntryStatus.COMMITTED);
        TreeMap<Long, EntryStatus> next = new TreeMap<>(added.log);
        next.headMap(zxid, true).replaceAll((z, s) -> EntryStatus.COMMITTED);
        return new NodeState(id, role, alive, epoch, lastZxid, vote, next, slowFactor, paused, messageDelayMs, cutTo);
    }

    private static void trim(TreeMap<Long, EntryStatus> log) {
        while (log.size() > LOG_LIMIT) {
            log.pollFirstEntry();
        }
    }

    /** {@code 0x...} or "-" when unknown. */
    public String lastZxidHex() {
        return lastZxid < 0 ? "-" : "0x" + Long.toHexString(lastZxid);
    }
}
