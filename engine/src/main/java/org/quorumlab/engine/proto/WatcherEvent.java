package org.quorumlab.engine.proto;

/**
 * Watch notification, sent after a {@link ReplyHeader} with xid -1; {@code type} is an {@link
 * EventType} and {@code state} a {@link KeeperState} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.WatcherEvent}.
 */
public record WatcherEvent(int type, int state, String path) implements JuteRecord {

    /** Reads one WatcherEvent from {@code in}. */
    public static WatcherEvent read(JuteInput in) {
        return new WatcherEvent(
                in.readInt(),
                in.readInt(),
                in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeInt(state);
        out.writeString(path);
    }
}
