package org.quorumlab.engine.proto;

/**
 * Body of check, used inside multi; {@code version} -1 only checks existence.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.CheckVersionRequest}.
 */
public record CheckVersionRequest(String path, int version) implements JuteRecord {

    /** Reads one CheckVersionRequest from {@code in}. */
    public static CheckVersionRequest read(JuteInput in) {
        return new CheckVersionRequest(
                in.readString(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
