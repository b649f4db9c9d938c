package org.quorumlab.engine.consensus;

import java.util.Arrays;
import java.util.Objects;

/**
 * One transaction of the replicated log. A reconfiguration entry carries the configuration it
 * activates when committed; its payload is then opaque host data (e.g. the config text).
 *
 * @param zxid      transaction id
 * @param payload   serialized transaction; the entry takes ownership of the array and shares it with
 *                  every reader (log, codec, followers), so nobody may modify it after construction
 * @param newConfig configuration activated by this entry, or {@code null} for ordinary txns
 */
public record LogEntry(long zxid, byte[] payload, QuorumConfig newConfig) {

    /**
     * Validation. No defensive copy: a 1 KiB payload would otherwise be copied at every hand-over on
     * the write path (append, persist, broadcast, apply).
     */
    public LogEntry {
        Objects.requireNonNull(payload, "payload");
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
