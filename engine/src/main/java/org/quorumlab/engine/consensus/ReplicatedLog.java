package org.quorumlab.engine.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * In-memory view of one server's history: entries after the snapshot point plus the persisted,
 * committed and applied watermarks. Invariant: snapshotZxid &lt;= appliedZxid &lt;= committedZxid and
 * appliedZxid &lt;= persistedZxid &lt;= lastZxid (applied entries were durable first).
 */
final class ReplicatedLog {
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    private long snapshotZxid;
    private long persistedZxid;
    private long committedZxid;
    private long appliedZxid;

    ReplicatedLog(DurableState durable) {
        entries.addAll(durable.log());
        snapshotZxid = durable.snapshotZxid();
        persistedZxid = lastZxid();
        appliedZxid = Math.min(durable.lastCommittedZxid(), lastZxid());
        committedZxid = appliedZxid;
    }

    long lastZxid() {
        return entries.isEmpty() ? snapshotZxid : entries.get(entries.size() - 1).zxid();
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

    /** True iff {@code zxid} is the snapshot point or an in-memory entry. */
    boolean contains(long zxid) {
        return zxid == snapshotZxid || indexOf(zxid) >= 0;
    }

    /** True iff the history includes {@code zxid}, assuming zxids below the snapshot are in it. */
    boolean covers(long zxid) {
        return zxid <= snapshotZxid || indexOf(zxid) >= 0;
    }

    LogEntry get(long zxid) {
        int i = indexOf(zxid);
        return i >= 0 ? entries.get(i) : null;
    }

    /** Largest zxid in the history that is strictly below {@code zxid} (at least snapshotZxid). */
    long previousZxid(long zxid) {
        int i = indexOf(zxid);
        int insertion = i >= 0 ? i : -(i + 1);
        return insertion == 0 ? snapshotZxid : entries.get(insertion - 1).zxid();
    }

    /** Entries with zxid in (after, upTo]. */
    List<LogEntry> range(long after, long upTo) {
        List<LogEntry> out = new ArrayList<>();
        int i = indexOf(after);
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
        }
        return out;
    }
}
