package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Body of create, create2 and createContainer; {@code flags} is a {@link CreateMode} flag.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.CreateRequest}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record CreateRequest(String path, byte[] data, List<Acl> acl, int flags) implements JuteRecord {

    /** Reads one CreateRequest from {@code in}. */
    public static CreateRequest read(JuteInput in) {
        return new CreateRequest(
                in.readString(),
                in.readBuffer(),
                in.readVector(Acl::read),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeVector(acl, JuteOutput::writeRecord);
        out.writeInt(flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateRequest other
                && Objects.equals(path, other.path)
                && Arrays.equals(data, other.data)
                && Objects.equals(acl, other.acl)
                && flags == other.flags;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, acl, flags)
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CreateRequest[path=" + path
                + ", data=" + BufferText.summary(data)
                + ", acl=" + acl
                + ", flags=" + flags + "]";
    }
}
