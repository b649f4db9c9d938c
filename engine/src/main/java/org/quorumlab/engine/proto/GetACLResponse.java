package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Reply to getACL.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetACLResponse}.
 */
public record GetACLResponse(List<Acl> acl, Stat stat) implements JuteRecord {

    /** Reads one GetACLResponse from {@code in}. */
    public static GetACLResponse read(JuteInput in) {
        return new GetACLResponse(
                in.readVector(Acl::read),
                Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(acl, JuteOutput::writeRecord);
        out.writeRecord(stat);
    }
}
