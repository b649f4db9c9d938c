package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Body of setACL; {@code version} is the expected ACL version ({@code aversion}), -1 for any.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetACLRequest}.
 */
public record SetACLRequest(String path, List<Acl> acl, int version) implements JuteRecord {

    /** Reads one SetACLRequest from {@code in}. */
    public static SetACLRequest read(JuteInput in) {
        return new SetACLRequest(
                in.readString(),
                in.readVector(Acl::read),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeVector(acl, JuteOutput::writeRecord);
        out.writeInt(version);
    }
}
