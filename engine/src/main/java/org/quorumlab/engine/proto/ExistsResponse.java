package org.quorumlab.engine.proto;

/**
 * Reply to exists.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ExistsResponse}.
 */
public record ExistsResponse(Stat stat) implements JuteRecord {

    /** Reads one ExistsResponse from {@code in}. */
    public static ExistsResponse read(JuteInput in) {
        return new ExistsResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeRecord(stat);
    }
}
