package org.quorumlab.engine.consensus;

import java.util.Arrays;
import java.util.Objects;

/**
 * One transaction of the replicated log. A reconfiguration entry carries the configuration it
 * activates when committed; its payload is then opaque host data (e.g. the config text).
 *
 * @param zxid      transaction id
 * @param payload   serialized transaction (never mutated after construction)
 * @param newConfig configuration activated by this entry, or {@code null} for ordinary txns
 */
public record LogEntry(long zxid, byte[] payload, QuorumConfig newConfig) {

    /** Validation and defensive copy. */
    public LogEntry {
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
    }

    /** An ordinary transaction. */
    public LogEntry(long zxid, byte[] payload) {
        this(zxid, payload, null);
    }

    /** True iff this entry changes the configuration. */
    public boolean isReconfig() {
        return newConfig != null;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEntry e && e.zxid == zxid && Arrays.equals(e.payload, payload)
                && Objects.equals(e.newConfig, newConfig);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(zxid) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "LogEntry(" + Zxid.toHex(zxid) + ", " + payload.length + "B"
                + (newConfig == null ? "" : ", reconfig " + newConfig) + ")";
    }
}
