package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.Objects;

/**
 * First frame of a client connection. Clients older than 3.4 omit the trailing {@code readOnly} flag,
 * so {@link #read} treats it as optional.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ConnectRequest}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record ConnectRequest(
        int protocolVersion,
        long lastZxidSeen,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly) implements JuteRecord {

    /** Reads one ConnectRequest from {@code in}. */
    public static ConnectRequest read(JuteInput in) {
        return new ConnectRequest(
                in.readInt(),
                in.readLong(),
                in.readInt(),
                in.readLong(),
                in.readBuffer(),
                in.hasRemaining() && in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeLong(lastZxidSeen);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        out.writeBool(readOnly);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectRequest other
                && protocolVersion == other.protocolVersion
                && lastZxidSeen == other.lastZxidSeen
                && timeOut == other.timeOut
                && sessionId == other.sessionId
                && Arrays.equals(passwd, other.passwd)
                && readOnly == other.readOnly;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(protocolVersion, lastZxidSeen, timeOut, sessionId, readOnly)
                + Arrays.hashCode(passwd);
    }

    @Override
    public String toString() {
        return "ConnectRequest[protocolVersion=" + protocolVersion
                + ", lastZxidSeen=" + lastZxidSeen
                + ", timeOut=" + timeOut
                + ", sessionId=" + sessionId
                + ", passwd=" + BufferText.summary(passwd)
                + ", readOnly=" + readOnly + "]";
    }
}
