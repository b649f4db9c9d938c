package org.quorumlab.engine.proto;

import java.util.List;

/**
 * {@link SetWatches} plus persistent and persistent-recursive watches (opcode {@link
 * OpCode#setWatches2}).
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetWatches2}.
 */
public record SetWatches2(
        long relativeZxid,
        List<String> dataWatches,
        List<String> existWatches,
        List<String> childWatches,
        List<String> persistentWatches,
        List<String> persistentRecursiveWatches) implements JuteRecord {

    /** Reads one SetWatches2 from {@code in}. */
    public static SetWatches2 read(JuteInput in) {
        return new SetWatches2(
                in.readLong(),
                in.readStringVector(),
                in.readStringVector(),
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
        out.writeStringVector(persistentWatches);
        out.writeStringVector(persistentRecursiveWatches);
    }
}
