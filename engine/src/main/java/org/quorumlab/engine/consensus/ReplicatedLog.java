package org.quorumlab.engine.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * One server's history since the snapshot point plus the persisted, committed and applied
 * watermarks. Every entry not yet applied is in memory, with the last
 * {@link LogHistory#appliedEntriesKept()} applied ones; the applied entries before those
 * (through {@code archivedThrough}) are read back from the host's durable log when a learner needs
 * them. Invariant: snapshotZxid &lt;= archivedThrough &lt;= appliedZxid &lt;= committedZxid and
 * appliedZxid &lt;= persistedZxid &lt;= lastZxid (applied entries were durable first).
 */
final class ReplicatedLog {
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private final LogHistory history;
    private long snapshotZxid;
    /** Entries in (snapshotZxid, archivedThrough] are only in the host's durable log. */
    private long archivedThrough;
    private long persistedZxid;
    private long committedZxid;
    private long appliedZxid;

    ReplicatedLog(DurableState durable, LogHistory history) {
        this.history = history;
        entries.addAll(durable.log());
        snapshotZxid = durable.snapshotZxid();
        archivedThrough = snapshotZxid;
        persistedZxid = lastZxid();
        appliedZxid = Math.min(durable.lastCommittedZxid(), lastZxid());
        committedZxid = appliedZxid;
        archiveApplied();
    }

    long lastZxid() {
        return entries.isEmpty() ? archivedThrough : entries.get(entries.size() - 1).zxid();
    }

    long snapshotZxid() {
        return snapshotZxid;
    }

    long persistedZxid() {
        return persistedZxid;
    }

    long committedZxid() {
        return committedZxid;
    }

    long appliedZxid() {
        return appliedZxid;
    }

    /** All in-memory entries (read-only view). */
    List<LogEntry> entries() {
        return java.util.Collections.unmodifiableList(entries);
    }

    void append(LogEntry e) {
        if (e.zxid() <= lastZxid()) {
            throw new IllegalStateException("append " + Zxid.toHex(e.zxid()) + " after " + Zxid.toHex(lastZxid()));
        }
        entries.add(e);
    }

    private int indexOf(long zxid) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long z = entries.get(mid).zxid();
            if (z == zxid) {
                return mid;
            } else if (z < zxid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    /** The last applied entry that is no longer in memory (the snapshot point when there is none). */
    long archivedThrough() {
        return archivedThrough;
    }

    /**
     * True iff {@code zxid} is the snapshot point or an entry of the history (an archived one only if
     * the host's log still has it).
     */
    boolean contains(long zxid) {
        if (zxid == snapshotZxid) {
            return true;
        }
        if (zxid > snapshotZxid && zxid <= archivedThrough) {
            List<LogEntry> read = history.read(zxid - 1, zxid);
            return read != null && !read.isEmpty() && read.get(read.size() - 1).zxid() == zxid;
        }
        return indexOf(zxid) >= 0;
    }

    /**
     * The entries a learner whose last entry is {@code peerLastZxid} misses, through {@code upTo}; null
     * when {@code peerLastZxid} is not in the history (or the host's log no longer holds what follows
     * it). For an archived {@code peerLastZxid} one read of the host's log both finds it and fetches
     * what follows.
     */
    List<LogEntry> entriesAfterIfContained(long peerLastZxid, long upTo) {
        if (peerLastZxid > snapshotZxid && peerLastZxid <= archivedThrough) {
            List<LogEntry> withPeers = range(peerLastZxid - 1, upTo);
            if (withPeers == null || withPeers.isEmpty() || withPeers.get(0).zxid() != peerLastZxid) {
                return null;
            }
            return withPeers.subList(1, withPeers.size());
        }
        return contains(peerLastZxid) ? range(peerLastZxid, upTo) : null;
    }

    /** True iff the history includes {@code zxid}, assuming zxids below the snapshot are in it. */
    boolean covers(long zxid) {
        return zxid <= snapshotZxid || contains(zxid);
    }

    /** The in-memory entry with {@code zxid}, or null (absent, archived or compacted). */
    LogEntry get(long zxid) {
        int i = indexOf(zxid);
        return i >= 0 ? entries.get(i) : null;
    }

    /**
     * Largest zxid in the in-memory history that is strictly below {@code zxid}: the last archived
     * entry (or the snapshot point) when none is. Not meaningful for a zxid in the archived range,
     * which a caller handles by SNAP.
     */
    long previousZxid(long zxid) {
        int i = indexOf(zxid);
        int insertion = i >= 0 ? i : -(i + 1);
        return insertion == 0 ? archivedThrough : entries.get(insertion - 1).zxid();
    }

    /**
     * Entries with zxid in (after, upTo]; those through {@link #archivedThrough()} are read back from
     * the host's log. Null when the host's log no longer holds them all.
     */
    List<LogEntry> range(long after, long upTo) {
        List<LogEntry> out = new ArrayList<>();
        long inMemoryAfter = after;
        if (after < archivedThrough) {
            List<LogEntry> archived = history.read(after, Math.min(upTo, archivedThrough));
            if (archived == null) {
                return null;
            }
            out.addAll(archived);
            inMemoryAfter = archivedThrough;
        }
        if (inMemoryAfter >= upTo) {
            return out;
        }
        int i = indexOf(inMemoryAfter);
        int start = i >= 0 ? i + 1 : -(i + 1);
        for (int k = start; k < entries.size() && entries.get(k).zxid() <= upTo; k++) {
            out.add(entries.get(k));
        }
        return out;
    }

    void truncateAfter(long zxid) {
        if (zxid < committedZxid) {
            throw new IllegalStateException("truncating committed entries: " + Zxid.toHex(zxid)
                    + " < committed " + Zxid.toHex(committedZxid));
        }
        while (!entries.isEmpty() && entries.get(entries.size() - 1).zxid() > zxid) {
            entries.remove(entries.size() - 1);
        }
        persistedZxid = lastZxid(); // Truncate is a barrier: what remains is durable
    }

    void resetToSnapshot(long zxid) {
        entries.clear();
        snapshotZxid = zxid;
        archivedThrough = zxid;
        persistedZxid = zxid;
        committedZxid = zxid;
        appliedZxid = zxid;
    }

    /** Drops entries up to {@code zxid}, which must already be applied. */
    void compact(long zxid) {
        long upTo = Math.min(zxid, appliedZxid);
        if (upTo <= snapshotZxid) {
            return;
        }
        int i = indexOf(upTo);
        int end = i >= 0 ? i + 1 : -(i + 1);
        entries.subList(0, end).clear();
        snapshotZxid = upTo;
        archivedThrough = Math.max(archivedThrough, upTo);
    }

    void markPersisted(long zxid) {
        long clamped = Math.min(zxid, lastZxid());
        if (clamped > persistedZxid) {
            persistedZxid = clamped;
        }
    }

    void markCommitted(long zxid) {
        long clamped = Math.min(zxid, lastZxid());
        if (clamped > committedZxid) {
            committedZxid = clamped;
        }
    }

    /** Entries now committed and durable but not yet applied; advances appliedZxid past them. */
    List<LogEntry> takeApplicable() {
        long limit = Math.min(committedZxid, persistedZxid);
        if (limit <= appliedZxid) {
            return List.of();
        }
        List<LogEntry> out = range(appliedZxid, limit);
        if (!out.isEmpty()) {
            appliedZxid = out.get(out.size() - 1).zxid();
            archiveApplied();
        }
        return out;
    }

    /**
     * Forgets all but the last {@link LogHistory#appliedEntriesKept()} applied entries once twice as
     * many are in memory (so the copy of the rest is amortised); they stay readable from the host's log.
     */
    private void archiveApplied() {
        int keep = history.appliedEntriesKept();
        int applied = indexOf(appliedZxid);
        int appliedCount = applied >= 0 ? applied + 1 : -(applied + 1);
        if (appliedCount <= keep || appliedCount - keep < Math.max(keep, 1)) {
            return;
        }
        int drop = appliedCount - keep;
        archivedThrough = entries.get(drop - 1).zxid();
        entries.subList(0, drop).clear();
    }
}
