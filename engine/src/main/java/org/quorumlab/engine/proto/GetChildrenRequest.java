package org.quorumlab.engine.proto;

/**
 * Body of getChildren; {@code watch} leaves a child watch.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetChildrenRequest}.
 */
public record GetChildrenRequest(String path, boolean watch) implements JuteRecord {

    /** Reads one GetChildrenRequest from {@code in}. */
    public static GetChildrenRequest read(JuteInput in) {
        return new GetChildrenRequest(
                in.readString(),
                in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
