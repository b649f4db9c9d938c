package org.quorumlab.engine.proto;

/**
 * Reply to setData.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetDataResponse}.
 */
public record SetDataResponse(Stat stat) implements JuteRecord {

    /** Reads one SetDataResponse from {@code in}. */
    public static SetDataResponse read(JuteInput in) {
        return new SetDataResponse(Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeRecord(stat);
    }
}
