package org.quorumlab.engine.proto;

/**
 * Body of addWatch; {@code mode} is an {@link AddWatchMode} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.AddWatchRequest}.
 */
public record AddWatchRequest(String path, int mode) implements JuteRecord {

    /** Reads one AddWatchRequest from {@code in}. */
    public static AddWatchRequest read(JuteInput in) {
        return new AddWatchRequest(
                in.readString(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(mode);
    }
}
