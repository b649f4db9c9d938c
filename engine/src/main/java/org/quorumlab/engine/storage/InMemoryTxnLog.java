package org.quorumlab.engine.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link TxnLog} held in memory, for tests and the deterministic simulator. Every call is "durable" on return for
 * as long as the instance is kept: a simulated crash drops the server but keeps this object, and the restarted
 * server reads it again. {@link #close()} therefore keeps the entries and the log stays usable.
 *
 * <p>Payloads are copied in and out, like a real disk, so callers cannot alter what was "written". No threads,
 * no clock: behaviour is fully deterministic. Not thread-safe, as the contract allows.
 */
public final class InMemoryTxnLog implements TxnLog {

    private final List<LogEntry> entries = new ArrayList<>();
    private long purgedThrough;

    @Override
    public void append(List<LogEntry> batch) {
        ZxidOrder.requireAppendable(batch, Math.max(lastZxid(), purgedThrough));
        for (LogEntry entry : batch) {
            entries.add(copyOf(entry));
        }
    }

    @Override
    public long lastZxid() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).zxid();
    }

    @Override
    public List<LogEntry> readAfter(long zxidExclusive, int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0: " + maxEntries);
        }
        int from = firstIndexAbove(zxidExclusive);
        int to = (int) Math.min(entries.size(), (long) from + maxEntries);
        List<LogEntry> result = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            result.add(copyOf(entries.get(i)));
        }
        return result;
    }

    @Override
    public void truncateAfter(long zxid) {
        entries.subList(firstIndexAbove(zxid), entries.size()).clear();
        purgedThrough = Math.min(purgedThrough, Math.max(0, zxid));
    }

    @Override
    public void purgeThrough(long zxid) {
        entries.subList(0, firstIndexAbove(zxid)).clear();
        purgedThrough = Math.max(purgedThrough, zxid);
    }

    @Override
    public long firstZxid() {
        return entries.isEmpty() ? 0 : entries.get(0).zxid();
    }

    @Override
    public long purgedThrough() {
        return purgedThrough;
    }

    /** Keeps the entries: see the class comment. */
    @Override
    public void close() {
        // Nothing to release; the "disk" outlives the simulated server.
    }

    /** Index of the first entry whose zxid is greater than {@code zxid}; entries are sorted by zxid. */
    private int firstIndexAbove(long zxid) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).zxid() <= zxid) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static LogEntry copyOf(LogEntry entry) {
        return new LogEntry(entry.zxid(), entry.payload().clone());
    }
}
