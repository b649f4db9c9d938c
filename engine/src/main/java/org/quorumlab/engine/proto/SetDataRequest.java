package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Body of setData; {@code version} -1 matches any version.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.SetDataRequest}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record SetDataRequest(String path, byte[] data, int version) implements JuteRecord {

    /** Reads one SetDataRequest from {@code in}. */
    public static SetDataRequest read(JuteInput in) {
        return new SetDataRequest(
                in.readString(),
                in.readBuffer(),
                in.readInt());
    }

    @Override
    public void write(JuteOutput out) {
        out.writeString(path);
        out.writeBuffer(data);
        out.writeInt(version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetDataRequest other
                && Objects.equals(path, other.path)
                && Arrays.equals(data, other.data)
                && version == other.version;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(path, version)
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SetDataRequest[path=" + path
                + ", data=" + BufferText.summary(data)
                + ", version=" + version + "]";
    }
}
