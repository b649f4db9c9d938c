package org.quorumlab.engine.proto;

/**
 * Kinds of {@link WatcherEvent#type()}, identical to ZooKeeper's {@code Watcher.Event.EventType}.
 */
public enum EventType {
    None(-1),
    NodeCreated(1),
    NodeDeleted(2),
    NodeDataChanged(3),
    NodeChildrenChanged(4),
    DataWatchRemoved(5),
    ChildWatchRemoved(6),
    PersistentWatchRemoved(7);

    private final int value;

    EventType(int value) {
        this.value = value;
    }

    public int intValue() {
        return value;
    }

    /** The constant with this wire value; an unknown value throws {@link ErrorCode#BADARGUMENTS}. */
    public static EventType fromInt(int value) {
        for (EventType v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw ZooKeeperException.badArguments("unknown event type " + value);
    }
}
