package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Body of createTTL: a create whose {@code ttl} is in milliseconds.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.CreateTTLRequest}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record CreateTTLRequest(
        String path,
        byte[] data,
        List<Acl> acl,
        int flags,
        long ttl) implements JuteRecord {

    /** Reads one CreateTTLRequest from {@code in}. */
    public static CreateTTLRequest read(JuteInput in) {
        return new CreateTTLRequest(
                in.readString(),
                in.readBuffer(),
                in.readVector(Acl::read),
                in.readInt(),
                in.readLong());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeVector(acl, JuteOutput::writeRecord);
        out.writeInt(flags);
        out.writeLong(ttl);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateTTLRequest other
                && Objects.equals(path, other.path)
                && Arrays.equals(data, other.data)
                && Objects.equals(acl, other.acl)
                && flags == other.flags
                && ttl == other.ttl;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, acl, flags, ttl)
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CreateTTLRequest[path=" + path
                + ", data=" + BufferText.summary(data)
                + ", acl=" + acl
                + ", flags=" + flags
                + ", ttl=" + ttl + "]";
    }
}
