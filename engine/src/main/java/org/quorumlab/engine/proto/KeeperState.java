package org.quorumlab.engine.proto;

/**
 * Session states of {@link WatcherEvent#state()}, with the values of ZooKeeper's
 * {@code Watcher.Event.KeeperState} (deprecated and SASL states omitted).
 */
public enum KeeperState {
    Disconnected(0),
    SyncConnected(3),
    AuthFailed(4),
    ConnectedReadOnly(5),
    Closed(7),
    Expired(-112);

    private final int value;

    KeeperState(int value) {
        this.value = value;
    }

    public int intValue() {
        return value;
    }

    /** The constant with this wire value; an unknown value throws {@link ErrorCode#BADARGUMENTS}. */
    public static KeeperState fromInt(int value) {
        for (KeeperState v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw ZooKeeperException.badArguments("unknown keeper state " + value);
    }
}
