package org.quorumlab.gui.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The console's own watches: which path is watched, how and by which part of the console. One-shot
 * watches are removed when they fire; persistent ones stay until the session ends.
 */
public final class WatchRegistry {

    /**
     * One watch set by the console.
     *
     * @param path   watched path
     * @param kind   {@code children}, {@code data}, {@code exists}, {@code persistent}, {@code persistent-recursive}
     * @param origin console part that set it
     */
    public record OwnWatch(String path, String kind, String origin) {
    }

    private final Map<String, OwnWatch> watches = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Records a watch. */
    public void add(OwnWatch w) {
        if (watches.put(key(w), w) == null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Forgets a watch after it fired. */
    public void remove(OwnWatch w) {
        if (watches.remove(key(w)) != null) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Current watches. */
    public List<OwnWatch> all() {
        return watches.values().stream()
                .sorted(java.util.Comparator.comparing(OwnWatch::path).thenComparing(OwnWatch::kind)).toList();
    }

    /** Called (on any thread) whenever the set changes. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Forgets everything (new session). */
    public void clear() {
        watches.clear();
        listeners.forEach(Runnable::run);
    }

    private static String key(OwnWatch w) {
        return w.kind() + " " + w.origin() + " " + w.path();
    }
}
