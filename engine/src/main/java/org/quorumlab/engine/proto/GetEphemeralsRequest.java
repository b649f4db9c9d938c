package org.quorumlab.engine.proto;

/**
 * Body of getEphemerals: the session's ephemeral nodes under {@code prefixPath}.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetEphemeralsRequest}.
 */
public record GetEphemeralsRequest(String prefixPath) implements JuteRecord {

    /** Reads one GetEphemeralsRequest from {@code in}. */
    public static GetEphemeralsRequest read(JuteInput in) {
        return new GetEphemeralsRequest(in.readString());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(prefixPath);
    }
}
