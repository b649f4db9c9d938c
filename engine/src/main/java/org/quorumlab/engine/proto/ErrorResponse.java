package org.quorumlab.engine.proto;

/**
 * Result of a failed operation inside a multi response; {@code err} is an {@link ErrorCode} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ErrorResponse}.
 */
public record ErrorResponse(int err) implements JuteRecord {

    /** Reads one ErrorResponse from {@code in}. */
    public static ErrorResponse read(JuteInput in) {
        return new ErrorResponse(in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(err);
    }
}
