package org.quorumlab.engine.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * Snapshot of the whole data tree as of {@code lastZxid} (inclusive), as opaque bytes.
 *
 * <p>The data array is not copied; treat it as immutable. Equality compares data contents.
 *
 * @param lastZxid the last transaction applied to the tree when it was serialized; {@code >= 0}
 * @param data     the serialized tree, never {@code null}
 */
public record Snapshot(long lastZxid, byte[] data) {

    public Snapshot {
        if (lastZxid < 0) {
            throw new IllegalArgumentException("lastZxid must be >= 0: " + lastZxid);
        }
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot that && lastZxid == that.lastZxid && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(lastZxid) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Snapshot[lastZxid=0x" + Long.toHexString(lastZxid) + ", data=" + data.length + " bytes]";
    }
}
