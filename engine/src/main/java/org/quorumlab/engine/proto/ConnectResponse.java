package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Server answer to {@link ConnectRequest}: negotiated timeout, session id and password; a zero timeout
 * means the session is expired. {@link #read} treats the trailing {@code readOnly} flag as optional.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.ConnectResponse}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record ConnectResponse(
        int protocolVersion,
        int timeOut,
        long sessionId,
        byte[] passwd,
        boolean readOnly) implements JuteRecord {

    /** Reads one ConnectResponse from {@code in}. */
    public static ConnectResponse read(JuteInput in) {
        return new ConnectResponse(
                in.readInt(),
                in.readInt(),
                in.readLong(),
                in.readBuffer(),
                in.hasRemaining() && in.readBool());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(protocolVersion);
        out.writeInt(timeOut);
        out.writeLong(sessionId);
        out.writeBuffer(passwd);
        out.writeBool(readOnly);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectResponse other
                && protocolVersion == other.protocolVersion
                && timeOut == other.timeOut
                && sessionId == other.sessionId
                && Arrays.equals(passwd, other.passwd)
                && readOnly == other.readOnly;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(protocolVersion, timeOut, sessionId, readOnly)
                + Arrays.hashCode(passwd);
    }

    @Override
    public String toString() {
        return "ConnectResponse[protocolVersion=" + protocolVersion
                + ", timeOut=" + timeOut
                + ", sessionId=" + sessionId
                + ", passwd=" + BufferText.summary(passwd)
                + ", readOnly=" + readOnly + "]";
    }
}
