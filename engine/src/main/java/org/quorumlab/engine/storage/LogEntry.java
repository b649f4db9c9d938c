package org.quorumlab.engine.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One transaction in the log: an opaque payload, ordered by zxid.
 *
 * <p>The payload array is not copied, for speed; treat it as immutable once the entry is built. Equality compares
 * payload contents.
 *
 * @param zxid    the transaction id; logs accept only positive, strictly increasing zxids
 * @param payload the serialized transaction, never {@code null}
 */
public record LogEntry(long zxid, byte[] payload) {

    public LogEntry {
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry that && zxid == that.zxid && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(zxid) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "LogEntry[zxid=0x" + Long.toHexString(zxid) + ", payload=" + payload.length + " bytes]";
    }
}
