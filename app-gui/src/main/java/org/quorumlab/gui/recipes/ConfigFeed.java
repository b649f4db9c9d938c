package org.quorumlab.gui.recipes;

import java.util.Map;
import java.util.TreeMap;

/** The latest config version the writer wrote and the version each watcher has seen. */
final class ConfigFeed {

    private int latest = -1;
    private final Map<Integer, Integer> seen = new TreeMap<>();
    private final Map<Integer, Long> lagMs = new TreeMap<>();

    synchronized void written(int version) {
        latest = Math.max(latest, version);
    }

    /** A watcher re-read the node; a version newer than the writer's report is news to us too. */
    synchronized void seen(int watcher, int version, long lagMillis) {
        seen.put(watcher, version);
        lagMs.put(watcher, lagMillis);
        latest = Math.max(latest, version);
    }

    synchronized void forget(int watcher) {
        seen.remove(watcher);
        lagMs.remove(watcher);
    }

    /** Latest version known, or -1 before the first write. */
    synchronized int latest() {
        return latest;
    }

    synchronized Map<Integer, Integer> seen() {
        return Map.copyOf(seen);
    }

    /** Largest write-to-read delay among the watchers' last reads, in ms. */
    synchronized long maxLagMs() {
        return lagMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
