package org.quorumlab.engine.proto;

/**
 * Body of getACL.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetACLRequest}.
 */
public record GetACLRequest(String path) implements JuteRecord {

    /** Reads one GetACLRequest from {@code in}. */
    public static GetACLRequest read(JuteInput in) {
        return new GetACLRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
    }
}
