package org.quorumlab.engine.proto;

/**
 * Prefix of every request after the handshake: the client's {@code xid} and the {@link OpCode} {@code
 * type}.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.RequestHeader}.
 */
public record RequestHeader(int xid, int type) implements JuteRecord {

    /** Reads one RequestHeader from {@code in}. */
    public static RequestHeader read(JuteInput in) {
        return new RequestHeader(
                in.readInt(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(xid);
        out.writeInt(type);
    }
}
