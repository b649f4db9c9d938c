package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.WatcherType;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.WatchMode;
import org.quorumlab.engine.tree.Watcher;

/** Maps a client {@link WatcherType} onto the data/child watch tables, as ZooKeeper's DataTree does. */
final class WatchLookup {

    private WatchLookup() {
    }

    static boolean contains(DataTree tree, String path, WatcherType type, Watcher w) {
        return switch (type) {
            case Children -> tree.childWatches().contains(path, w, WatchMode.STANDARD);
            case Data -> tree.dataWatches().contains(path, w, WatchMode.STANDARD);
            case Persistent -> tree.dataWatches().contains(path, w, WatchMode.PERSISTENT);
            case PersistentRecursive -> tree.dataWatches().contains(path, w, WatchMode.PERSISTENT_RECURSIVE);
            case Any -> tree.childWatches().contains(path, w, null) || tree.dataWatches().contains(path, w, null);
        };
    }

    static boolean remove(DataTree tree, String path, WatcherType type, Watcher w) {
        return switch (type) {
            case Children -> tree.childWatches().remove(path, w, WatchMode.STANDARD);
            case Data -> tree.dataWatches().remove(path, w, WatchMode.STANDARD);
            case Persistent -> tree.childWatches().remove(path, w, WatchMode.PERSISTENT)
                    | tree.dataWatches().remove(path, w, WatchMode.PERSISTENT);
            case PersistentRecursive -> tree.dataWatches().remove(path, w, WatchMode.PERSISTENT_RECURSIVE);
            case Any -> tree.childWatches().remove(path, w, null) | tree.dataWatches().remove(path, w, null);
        };
    }
}
