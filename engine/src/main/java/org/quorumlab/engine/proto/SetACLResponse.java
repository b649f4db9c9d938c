package org.quorumlab.engine.proto;

/**
 * Reply to setACL.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetACLResponse}.
 */
public record SetACLResponse(Stat stat) implements JuteRecord {

    /** Reads one SetACLResponse from {@code in}. */
    public static SetACLResponse read(JuteInput in) {
        return new SetACLResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeRecord(stat);
    }
}
