package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Body of an add-auth request (opcode {@link OpCode#auth}).
 *
 * <p>Jute {@code org.apache.zookeeper.proto.AuthPacket}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record AuthPacket(int type, String scheme, byte[] auth) implements JuteRecord {

    /** Reads one AuthPacket from {@code in}. */
    public static AuthPacket read(JuteInput in) {
        return new AuthPacket(
                in.readInt(),
                in.readString(),
                in.readBuffer());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(type);
        out.writeString(scheme);
        out.writeBuffer(auth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthPacket other
                && type == other.type
                && Objects.equals(scheme, other.scheme)
                && Arrays.equals(auth, other.auth);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(type, scheme)
                + Arrays.hashCode(auth);
    }

    @Override
    public String toString() {
        return "AuthPacket[type=" + type
                + ", scheme=" + scheme
                + ", auth=" + BufferText.summary(auth) + "]";
    }
}
