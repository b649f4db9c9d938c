package org.quorumlab.gui.cluster;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.launcher.admin.ClusterEvent;

/**
 * Reconstructs elections from the merged event streams into {@link ElectionEntry}s for the
 * leader-change timeline, with the stall of a server's process reported around it as its cause,
 * and holds the timeline's zoom.
 */
public final class TimelineViewModel {

    /** Zoom bounds, in pixels per second. */
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 400;
    /** How far apart a stall report and an election may be to be shown as its cause. */
    static final long STALL_WINDOW_MS = 2_000;

    private final ObservableList<ElectionEntry> entries = FXCollections.observableArrayList();
    private final DoubleProperty pixelsPerSecond = new SimpleDoubleProperty(20);
    private long firstTs = -1;
    private long lastTs = -1;
    private long currentLeader = -1;
    private long lastClosedEnd = -1;
    private Open open;
    /** The latest {@code ProcessStalled} report: when, and its text. */
    private long lastStallTs = -1;
    private String lastStall = "";

    /** Completed elections, oldest first. */
    public ObservableList<ElectionEntry> entries() {
        return entries;
    }

    public DoubleProperty pixelsPerSecondProperty() {
        return pixelsPerSecond;
    }

    /** First event time seen (the axis origin), -1 before any. */
    public long firstTs() {
        return firstTs;
    }

    /** Latest event time seen. */
    public long lastTs() {
        return lastTs;
    }

    /** Start of the election in progress, or -1. */
    public long openSince() {
        return open == null ? -1 : open.start;
    }

    /** Multiplies the zoom by {@code factor}, within bounds. */
    public void zoom(double factor) {
        pixelsPerSecond.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, pixelsPerSecond.get() * factor)));
    }

    /** Feeds one event (any type; irrelevant ones only advance the clock). */
    public void accept(ClusterEvent e) {
        if (e.ts() > 0) {
            firstTs = firstTs < 0 ? e.ts() : Math.min(firstTs, e.ts());
            lastTs = Math.max(lastTs, e.ts());
        }
        switch (e.type()) {
            case "Hello" -> {
                long l = e.number("leaderId", -1);
                if (l >= 0 && open == null) {
                    currentLeader = l;
                }
            }
            case "StateChanged" -> {
                if ("LOOKING".equals(e.text("to"))) {
                    if (open == null && e.ts() <= lastClosedEnd) {
                        return; // a late stream's view of the election just closed
                    }
                    if (open == null) {
                        open = new Open(e.ts(), currentLeader);
                        if (lastStallTs >= e.ts() - STALL_WINDOW_MS) {
                            open.cause = lastStall;
                        }
                    }
                    open.looking.add(e.server());
                    open.participants.add(e.server());
                } else if ("LOOKING".equals(e.text("from")) && open != null) {
                    open.looking.remove(e.server());
                }
            }
            case "VoteReceived" -> {
                if (open != null) {
                    open.votes++;
                }
            }
            case "LeaderEstablished" -> {
                if (open != null) {
                    close(e.ts(), e.server(), e.number("epoch", -1));
                } else {
                    currentLeader = e.server();
                }
            }
            case "RoleChanged" -> {
                String role = e.text("role");
                if (open == null) {
                    if ("LEADING".equals(role)) {
                        currentLeader = e.server();
                    }
                } else if ("LEADING".equals(role)) {
                    close(e.ts(), e.server(), e.number("epoch", -1));
                } else if (!"LOOKING".equals(role) && open.looking.isEmpty() && e.number("leaderId", -1) >= 0) {
                    close(e.ts(), e.number("leaderId", -1), e.number("epoch", -1));
                }
            }
            case "ProcessStalled" -> stalled(e);
            default -> {
                // other types do not shape elections
            }
        }
    }

    /**
     * Nodes that stopped answering: an election in progress whose looking nodes are all down
     * (e.g. the old leader announcing LOOKING while it shuts down) is abandoned.
     */
    public void nodesDown(Set<Long> down) {
        if (open != null && !open.looking.isEmpty() && down.containsAll(open.looking)) {
            open = null;
        }
    }

    /**
     * A server's process did not run for a while. Peers give up on a silent leader after syncLimit,
     * and the stalled server reports the stall when it runs again, so the report may come just
     * before or just after the election it caused: it is attached to an election that starts, is
     * open, or closed within {@link #STALL_WINDOW_MS} of it.
     */
    private void stalled(ClusterEvent e) {
        String text = "server " + e.server() + " stalled " + e.number("stalledMillis", 0) + " ms";
        lastStallTs = e.ts();
        lastStall = text;
        if (open != null) {
            open.cause = text;
        } else if (!entries.isEmpty() && e.ts() <= lastClosedEnd + STALL_WINDOW_MS) {
            ElectionEntry last = entries.get(entries.size() - 1);
            if (last.cause().isEmpty()) {
                entries.set(entries.size() - 1, last.withCause(text));
            }
        }
    }

    private void close(long endTs, long winner, long epoch) {
        Open done = open;
        open = null;
        currentLeader = winner;
        lastClosedEnd = Math.max(endTs, done.start);
        entries.add(new ElectionEntry(done.start, lastClosedEnd, done.votes, winner, epoch, done.previousLeader,
                java.util.Collections.unmodifiableSet(new TreeSet<>(done.participants)), done.cause));
    }

    private static final class Open {
        final long start;
        final long previousLeader;
        final Set<Long> looking = new HashSet<>();
        final Set<Long> participants = new TreeSet<>();
        int votes;
        String cause = "";

        Open(long start, long previousLeader) {
            this.start = start;
            this.previousLeader = previousLeader;
        }
    }
}
