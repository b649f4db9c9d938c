package org.quorumlab.engine.proto;

/**
 * Modes of {@link AddWatchRequest#mode()}, identical to ZooKeeper's {@code AddWatchMode}.
 */
public enum AddWatchMode {
    PERSISTENT(0),
    PERSISTENT_RECURSIVE(1);

    private final int value;

    AddWatchMode(int value) {
        this.value = value;
    }

    public int intValue() {
        return value;
    }

    /** The constant with this wire value; an unknown value throws {@link ErrorCode#BADARGUMENTS}. */
    public static AddWatchMode fromInt(int value) {
        for (AddWatchMode v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw ZooKeeperException.badArguments("unknown add-watch mode " + value);
    }
}
