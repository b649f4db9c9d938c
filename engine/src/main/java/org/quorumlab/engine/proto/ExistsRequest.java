package org.quorumlab.engine.proto;

/**
 * Body of exists; {@code watch} leaves an exist or data watch.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ExistsRequest}.
 */
public record ExistsRequest(String path, boolean watch) implements JuteRecord {

    /** Reads one ExistsRequest from {@code in}. */
    public static ExistsRequest read(JuteInput in) {
        return new ExistsRequest(
                in.readString(),
                in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBool(watch);
    }
}
