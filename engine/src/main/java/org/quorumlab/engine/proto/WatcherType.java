package org.quorumlab.engine.proto;

/**
 * Watch kinds of {@link CheckWatchesRequest#type()} and {@link RemoveWatchesRequest#type()}, identical to
 * ZooKeeper's {@code Watcher.WatcherType}.
 */
public enum WatcherType {
    Children(1),
    Data(2),
    Any(3),
    Persistent(4),
    PersistentRecursive(5);

    private final int value;

    WatcherType(int value) {
        this.value = value;
    }

    public int intValue() {
        return value;
    }

    /** The constant with this wire value; an unknown value throws {@link ErrorCode#BADARGUMENTS}. */
    public static WatcherType fromInt(int value) {
        for (WatcherType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw ZooKeeperException.badArguments("unknown watcher type " + value);
    }
}
