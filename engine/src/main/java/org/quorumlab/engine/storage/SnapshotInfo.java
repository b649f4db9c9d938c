package org.quorumlab.engine.storage;

/**
 * The header of one complete snapshot: what {@link SnapshotStore#list()} reports and what a reader verifies the
 * chunks against.
 *
 * @param lastZxid   the last transaction applied to the tree when it was serialised; {@code >= 0}
 * @param nodeCount  the number of nodes the writer said it wrote, for logs and the console; the store does not
 *                   interpret it. -1 when unknown (a snapshot migrated from the single-BLOB schema)
 * @param sizeBytes  the length of the serialised snapshot
 * @param chunkCount how many chunks hold it
 * @param checksum   CRC32C of all {@code sizeBytes} bytes in order
 */
public record SnapshotInfo(long lastZxid, long nodeCount, long sizeBytes, int chunkCount, long checksum) {

    public SnapshotInfo {
        if (lastZxid < 0) {
            throw new IllegalArgumentException("lastZxid must be >= 0: " + lastZxid);
        }
        if (sizeBytes < 0 || chunkCount < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes + " or chunk count " + chunkCount);
        }
    }

    @Override
    public String toString() {
        return "snapshot at 0x" + Long.toHexString(lastZxid) + " (" + sizeBytes + " bytes in " + chunkCount
                + " chunks, " + (nodeCount < 0 ? "unknown number of" : String.valueOf(nodeCount)) + " nodes)";
    }
}
