package org.quorumlab.engine.proto;

/**
 * Body of getChildren2 (children plus the parent's {@link Stat}).
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetChildren2Request}.
 */
public record GetChildren2Request(String path, boolean watch) implements JuteRecord {

    /** Reads one GetChildren2Request from {@code in}. */
    public static GetChildren2Request read(JuteInput in) {
        return new GetChildren2Request(
                in.readString(),
                in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
