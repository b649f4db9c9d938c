package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Watches a reconnecting client re-registers (opcode {@link OpCode#setWatches}).
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetWatches}.
 */
public record SetWatches(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches) implements JuteRecord {

    /** Reads one SetWatches from {@code in}. */
    public static SetWatches read(JuteInput in) {
        return new SetWatches(
                in.readLong(),
                in.readStringVector(),
                in.readStringVector(),
                in.readStringVector());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeLong(relativeZxid);
        out.writeStringVector(dataWatches);
        out.writeStringVector(existWatches);
        out.writeStringVector(childWatches);
    }
}
