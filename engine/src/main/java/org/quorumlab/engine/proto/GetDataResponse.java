package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reply to getData.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.GetDataResponse}.
 * Byte arrays are held as given, not copied; {@code equals} compares their contents.
 */
public record GetDataResponse(byte[] data, Stat stat) implements JuteRecord {

    /** Reads one GetDataResponse from {@code in}. */
    public static GetDataResponse read(JuteInput in) {
        return new GetDataResponse(
                in.readBuffer(),
                Stat.read(in));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeBuffer(data);
        out.writeRecord(stat);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetDataResponse other
                && Arrays.equals(data, other.data)
                && Objects.equals(stat, other.stat);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(stat)
                + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GetDataResponse[data=" + BufferText.summary(data)
                + ", stat=" + stat + "]";
    }
}
