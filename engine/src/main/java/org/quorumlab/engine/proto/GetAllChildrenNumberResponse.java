package org.quorumlab.engine.proto;

/**
 * Reply to getAllChildrenNumber.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetAllChildrenNumberResponse}.
 */
public record GetAllChildrenNumberResponse(int totalNumber) implements JuteRecord {

    /** Reads one GetAllChildrenNumberResponse from {@code in}. */
    public static GetAllChildrenNumberResponse read(JuteInput in) {
        return new GetAllChildrenNumberResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(totalNumber);
    }
}
