package org.quorumlab.engine.proto;

/**
 * Body of delete and deleteContainer; {@code version} -1 matches any version.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.DeleteRequest}.
 */
public record DeleteRequest(String path, int version) implements JuteRecord {

    /** Reads one DeleteRequest from {@code in}. */
    public static DeleteRequest read(JuteInput in) {
        return new DeleteRequest(
                in.readString(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeInt(version);
    }
}
