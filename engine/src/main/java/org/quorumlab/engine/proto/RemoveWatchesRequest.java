package org.quorumlab.engine.proto;

/**
 * Body of removeWatches; {@code type} is a {@link WatcherType} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.RemoveWatchesRequest}.
 */
public record RemoveWatchesRequest(String path, int type) implements JuteRecord {

    /** Reads one RemoveWatchesRequest from {@code in}. */
    public static RemoveWatchesRequest read(JuteInput in) {
        return new RemoveWatchesRequest(
                in.readString(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(type);
    }
}
