package org.quorumlab.engine.proto;

/**
 * Body of getData; {@code watch} leaves a data watch.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetDataRequest}.
 */
public record GetDataRequest(String path, boolean watch) implements JuteRecord {

    /** Reads one GetDataRequest from {@code in}. */
    public static GetDataRequest read(JuteInput in) {
        return new GetDataRequest(
                in.readString(),
                in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
