package org.quorumlab.engine.storage;

/**
 * A stored snapshot failed verification while it was read: a chunk is missing, a chunk's bytes do not match its
 * checksum, or the whole does not match the header's size or checksum. The snapshot is unusable; others in the
 * store are not affected.
 */
public final class CorruptSnapshotException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final long lastZxid;
    private final String reason;

    public CorruptSnapshotException(long lastZxid, String reason) {
        super("snapshot at 0x" + Long.toHexString(lastZxid) + " is corrupt: " + reason);
        this.lastZxid = lastZxid;
        this.reason = reason;
    }

    public long lastZxid() {
        return lastZxid;
    }

    /** What failed, without the snapshot's zxid: e.g. "chunk 3 of 7 fails its CRC32C check". */
    public String reason() {
        return reason;
    }
}
