package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.quorumlab.launcher.admin.ClusterEvent;

/**
 * Every event the Teaching tab received, in arrival order, each with the console's wall-clock
 * arrival time (the timeline's axis; arrival times never go backwards). Append-only. Confined to
 * one thread (the UI thread), except a finished recording read from a file.
 */
public final class SessionRecording {

    /**
     * One recorded event.
     *
     * @param at    console wall-clock ms when it arrived
     * @param event the event as the node sent it (or a {@link SyntheticEvents} one)
     */
    public record Entry(long at, ClusterEvent event) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Appends {@code e} received at {@code at} (clamped so time never runs backwards). */
    public void add(long at, ClusterEvent e) {
        long last = entries.isEmpty() ? at : end();
        entries.add(new Entry(Math.max(at, last), e));
    }

    /** Read-only view of the entries. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The events alone, in order. */
    public List<ClusterEvent> events() {
        return entries.stream().map(Entry::event).toList();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Arrival time of the first entry (0 when empty). */
    public long start() {
        return entries.isEmpty() ? 0 : entries.get(0).at();
    }

    /** Arrival time of the last entry (0 when empty). */
    public long end() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).at();
    }

    /** How many entries arrived at or before {@code t}. */
    public int countUpTo(long t) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).at() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
