package org.quorumlab.engine.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.EventType;

/**
 * Watch table for one kind of watch (data or child), with ZooKeeper's modes: one-shot standard
 * watches, persistent watches and persistent-recursive watches that also fire for descendants.
 * Not thread-safe: owned by the thread that applies transactions.
 */
public final class WatchManager {

    private final Map<String, Set<Watcher>> watchTable = new HashMap<>();
    private final Map<Watcher, Map<String, Integer>> watchToPaths = new HashMap<>();
    private int recursiveCount;

    /** @return true if the watcher gained this mode on this path */
    public boolean add(String path, Watcher watcher, WatchMode mode) {
        watchTable.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(watcher);
        Map<String, Integer> paths = watchToPaths.computeIfAbsent(watcher, w -> new HashMap<>());
        int old = paths.getOrDefault(path, 0);
        int updated = old | mode.bit();
        if (updated == old) {
            return false;
        }
        paths.put(path, updated);
        if (mode == WatchMode.PERSISTENT_RECURSIVE) {
            recursiveCount++;
        }
        return true;
    }

    /**
     * Fires the watches for {@code path}; persistent-recursive watches on ancestors fire too.
     *
     * @return the watchers notified, so a second manager can skip them for the same change
     */
    public Set<Watcher> trigger(String path, EventType type, long zxid, List<Acl> acl, Set<Watcher> suppress) {
        Set<Watcher> fired = new LinkedHashSet<>();
        String current = path;
        boolean atPath = true;
        while (current != null) {
            collect(current, atPath, fired);
            if (recursiveCount == 0) {
                break;
            }
            current = parentOf(current);
            atPath = false;
        }
        WatchEvent event = new WatchEvent(type, path, zxid);
        for (Watcher w : fired) {
            if (suppress == null || !suppress.contains(w)) {
                w.process(event, acl);
            }
        }
        return fired;
    }

    private void collect(String localPath, boolean atPath, Set<Watcher> fired) {
        Set<Watcher> watchers = watchTable.get(localPath);
        if (watchers == null) {
            return;
        }
        var it = watchers.iterator();
        while (it.hasNext()) {
            Watcher w = it.next();
            Map<String, Integer> paths = watchToPaths.getOrDefault(w, Collections.emptyMap());
            int modes = paths.getOrDefault(localPath, 0);
            if (atPath) {
                fired.add(w);
                int remaining = modes & ~WatchMode.STANDARD.bit();
                if (remaining == 0) {
                    it.remove();
                    paths.remove(localPath);
                    if (paths.isEmpty()) {
                        watchToPaths.remove(w);
                    }
                } else {
                    paths.put(localPath, remaining);
                }
            } else if ((modes & WatchMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                fired.add(w);
            }
        }
        if (watchers.isEmpty()) {
            watchTable.remove(localPath);
        }
    }

    /** @param mode null removes every mode */
    public boolean remove(String path, Watcher watcher, WatchMode mode) {
        Map<String, Integer> paths = watchToPaths.get(watcher);
        if (paths == null || !paths.containsKey(path)) {
            return false;
        }
        int modes = paths.get(path);
        int toRemove = mode == null ? modes : (modes & mode.bit());
        if (toRemove == 0) {
            return false;
        }
        if ((toRemove & WatchMode.PERSISTENT_RECURSIVE.bit()) != 0) {
            recursiveCount--;
        }
        int remaining = modes & ~toRemove;
        if (remaining == 0) {
            paths.remove(path);
            if (paths.isEmpty()) {
                watchToPaths.remove(watcher);
            }
            Set<Watcher> set = watchTable.get(path);
            if (set != null) {
                set.remove(watcher);
                if (set.isEmpty()) {
                    watchTable.remove(path);
                }
            }
        } else {
            paths.put(path, remaining);
        }
        return true;
    }

    /** @param mode null matches any mode */
    public boolean contains(String path, Watcher watcher, WatchMode mode) {
        Map<String, Integer> paths = watchToPaths.get(watcher);
        if (paths == null) {
            return false;
        }
        int modes = paths.getOrDefault(path, 0);
        return mode == null ? modes != 0 : (modes & mode.bit()) != 0;
    }

    public void removeWatcher(Watcher watcher) {
        Map<String, Integer> paths = watchToPaths.remove(watcher);
        if (paths == null) {
            return;
        }
        for (Map.Entry<String, Integer> e : paths.entrySet()) {
            if ((e.getValue() & WatchMode.PERSISTENT_RECURSIVE.bit()) != 0) {
                recursiveCount--;
            }
            Set<Watcher> set = watchTable.get(e.getKey());
            if (set != null) {
                set.remove(watcher);
                if (set.isEmpty()) {
                    watchTable.remove(e.getKey());
                }
            }
        }
    }

    public int size() {
        int n = 0;
        for (Map<String, Integer> paths : watchToPaths.values()) {
            n += paths.size();
        }
        return n;
    }

    /** Snapshot for wchp / admin views: path → watchers. */
    public Map<String, List<Watcher>> byPath() {
        Map<String, List<Watcher>> copy = new HashMap<>();
        watchTable.forEach((p, ws) -> copy.put(p, new ArrayList<>(ws)));
        return copy;
    }

    /** Snapshot for wchc / admin views: watcher → paths. */
    public Map<Watcher, Set<String>> byWatcher() {
        Map<Watcher, Set<String>> copy = new HashMap<>();
        watchToPaths.forEach((w, ps) -> copy.put(w, new HashSet<>(ps.keySet())));
        return copy;
    }

    static String parentOf(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
