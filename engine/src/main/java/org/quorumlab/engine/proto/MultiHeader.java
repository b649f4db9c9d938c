package org.quorumlab.engine.proto;

/**
 * Precedes each operation of a multi request or response; a header with {@code done} set (type -1)
 * ends the list.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.MultiHeader}.
 */
public record MultiHeader(int type, boolean done, int err) implements JuteRecord {

    /** Reads one MultiHeader from {@code in}. */
    public static MultiHeader read(JuteInput in) {
        return new MultiHeader(
                in.readInt(),
                in.readBool(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeBool(done);
        out.writeInt(err);
    }
}
