package org.quorumlab.engine.tree;

/** How a watch behaves once triggered. */
public enum WatchMode {
    STANDARD, PERSISTENT, PERSISTENT_RECURSIVE;

    int bit() {
        return 1 << ordinal();
    }
}
