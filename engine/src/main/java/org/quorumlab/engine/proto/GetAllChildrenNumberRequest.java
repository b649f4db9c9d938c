package org.quorumlab.engine.proto;

/**
 * Body of getAllChildrenNumber: count of all descendants of {@code path}.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetAllChildrenNumberRequest}.
 */
public record GetAllChildrenNumberRequest(String path) implements JuteRecord {

    /** Reads one GetAllChildrenNumberRequest from {@code in}. */
    public static GetAllChildrenNumberRequest read(JuteInput in) {
        return new GetAllChildrenNumberRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
