package org.quorumlab.engine.proto;

/**
 * Body of checkWatches; {@code type} is a {@link WatcherType} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.CheckWatchesRequest}.
 */
public record CheckWatchesRequest(String path, int type) implements JuteRecord {

    /** Reads one CheckWatchesRequest from {@code in}. */
    public static CheckWatchesRequest read(JuteInput in) {
        return new CheckWatchesRequest(
                in.readString(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
