package org.quorumlab.engine.storage;

import java.util.List;
import java.util.Objects;

/** The ordering rule shared by every {@link TxnLog} implementation, checked before anything is written. */
public final class ZxidOrder {

    private ZxidOrder() {
    }

    /**
     * Checks that {@code batch} holds non-null entries with positive, strictly increasing zxids, all above
     * {@code floorZxid} (the larger of the log's last zxid and its purge watermark).
     *
     * @throws IllegalArgumentException on the first violation, naming the offending zxids
     */
    public static void requireAppendable(List<LogEntry> batch, long floorZxid) {
        Objects.requireNonNull(batch, "batch");
        long previous = Math.max(0, floorZxid);
        for (LogEntry entry : batch) {
            Objects.requireNonNull(entry, "batch contains a null entry");
            if (entry.zxid() <= previous) {
                throw new IllegalArgumentException("zxid 0x" + Long.toHexString(entry.zxid())
                        + " does not follow 0x" + Long.toHexString(previous) + ": zxids must strictly increase");
            }
            previous = entry.zxid();
        }
    }
}
