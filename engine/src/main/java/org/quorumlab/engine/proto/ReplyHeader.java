package org.quorumlab.engine.proto;

/**
 * Prefix of every reply and notification: the request's {@code xid}, the server's last zxid and an
 * {@link ErrorCode} value.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ReplyHeader}.
 */
public record ReplyHeader(int xid, long zxid, int err) implements JuteRecord {

    /** Reads one ReplyHeader from {@code in}. */
    public static ReplyHeader read(JuteInput in) {
        return new ReplyHeader(
                in.readInt(),
                in.readLong(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(xid);
        out.writeLong(zxid);
        out.writeInt(err);
    }
}
