package org.quorumlab.engine.storage.sqlite;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;

/**
 * The format of one {@code txnlog_batches} row (see {@link SqliteSchema}): the entries of one batch back to back in
 * one BLOB, each as its zxid (8 bytes, big-endian), its payload length (4 bytes, big-endian) and the payload, with
 * the row's first and last zxid, entry count and a CRC32 of the BLOB in columns beside it.
 *
 * <p>The columns repeat what the BLOB says so that SQL can find a row by zxid without decoding it; decoding checks
 * that both agree, so a damaged BLOB or a hand-edited column is reported instead of being replayed.
 */
final class BatchRowCodec {

    /**
     * Most entries in one row: a {@link GroupCommitLog} batch never has more, so each of its batches is one row.
     * Only a caller appending a larger batch directly gets several rows (in one transaction).
     */
    static final int MAX_ROW_ENTRIES = GroupCommitLog.MAX_BATCH_ENTRIES;
    /** Most payload bytes in one row, unless a single entry is larger; the group-commit limit, for the same reason. */
    static final long MAX_ROW_PAYLOAD_BYTES = GroupCommitLog.MAX_BATCH_BYTES;

    private static final int ENTRY_HEADER_BYTES = Long.BYTES + Integer.BYTES;
    /** Largest array the JVM reliably allocates. */
    private static final long MAX_BLOB_BYTES = Integer.MAX_VALUE - 8;

    private BatchRowCodec() {
    }

    /**
     * One row as stored.
     *
     * @param entries the BLOB; not copied
     */
    record BatchRow(long firstZxid, long lastZxid, long entryCount, long crc32, byte[] entries) {

        /** How error messages name the row: by its primary key and the range it claims to hold. */
        String describe() {
            return "log row first_zxid=0x" + Long.toHexString(firstZxid) + " (zxids 0x" + Long.toHexString(firstZxid)
                    + "..0x" + Long.toHexString(lastZxid) + ", " + entryCount + " entries)";
        }
    }

    /** A row whose BLOB does not match its checksum or its columns. */
    static final class CorruptRowException extends Exception {

        private static final long serialVersionUID = 1L;

        CorruptRowException(String reason) {
            super(reason);
        }
    }

    /**
     * Whether an entry of {@code nextPayloadBytes} must start a new row after a row that already holds
     * {@code rowEntries} entries of {@code rowPayloadBytes} payload bytes. The rule of {@link GroupCommitLog}'s
     * batching, so a group-commit batch never splits.
     */
    static boolean startsNewRow(int rowEntries, long rowPayloadBytes, long nextPayloadBytes) {
        return rowEntries > 0
                && (rowEntries >= MAX_ROW_ENTRIES || rowPayloadBytes + nextPayloadBytes > MAX_ROW_PAYLOAD_BYTES);
    }

    /** Cuts a batch (already checked for order) into the entries of successive rows, by {@link #startsNewRow}. */
    static List<List<LogEntry>> rowsOf(List<LogEntry> batch) {
        List<List<LogEntry>> rows = new ArrayList<>(1);
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            int length = batch.get(i).payload().length;
            if (startsNewRow(i - from, bytes, length)) {
                rows.add(batch.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += length;
        }
        if (from < batch.size()) {
            rows.add(batch.subList(from, batch.size()));
        }
        return rows;
    }

    /**
     * Encodes non-empty {@code entries}, in strictly increasing zxid order, as one row.
     *
     * @throws IllegalArgumentException if the entries are empty or would not fit one BLOB
     */
    static BatchRow encode(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a log row holds at least one entry");
        }
        long size = 0;
        for (LogEntry entry : entries) {
            size += ENTRY_HEADER_BYTES + (long) entry.payload().length;
        }
        if (size > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException("log entries from zxid 0x" + Long.toHexString(entries.get(0).zxid())
                    + " need " + size + " bytes, more than one row holds (" + MAX_BLOB_BYTES + ")");
        }
        ByteBuffer blob = ByteBuffer.allocate((int) size);
        for (LogEntry entry : entries) {
            blob.putLong(entry.zxid()).putInt(entry.payload().length).put(entry.payload());
        }
        byte[] bytes = blob.array();
        return new BatchRow(entries.get(0).zxid(), entries.get(entries.size() - 1).zxid(), entries.size(),
                crc32(bytes), bytes);
    }

    /**
     * Decodes the entries of {@code row} with a zxid above {@code afterZxid}, at most {@code maxEntries} of them.
     * The whole row is checked whatever is returned: a corrupt row is never half-used.
     *
     * @throws CorruptRowException if the BLOB fails its CRC32, is malformed, or disagrees with the row's columns
     */
    static List<LogEntry> decode(BatchRow row, long afterZxid, int maxEntries) throws CorruptRowException {
        byte[] blob = row.entries();
        if (blob == null) {
            throw new CorruptRowException("its BLOB is missing");
        }
        long crc = crc32(blob);
        if (crc != row.crc32()) {
            throw new CorruptRowException("its BLOB fails its CRC32 check (stored 0x" + Long.toHexString(row.crc32())
                    + ", computed 0x" + Long.toHexString(crc) + " over " + blob.length + " bytes)");
        }
        if (row.entryCount() < 1 || row.entryCount() > blob.length / ENTRY_HEADER_BYTES) {
            throw new CorruptRowException("it claims " + row.entryCount() + " entries in " + blob.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(blob);
        List<LogEntry> entries = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long i = 0; i < row.entryCount(); i++) {
            if (in.remaining() < ENTRY_HEADER_BYTES) {
                throw new CorruptRowException("its BLOB ends inside the header of entry " + i);
            }
            long zxid = in.getLong();
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new CorruptRowException("entry " + i + " (zxid 0x" + Long.toHexString(zxid)
                        + ") has length " + length + " but " + in.remaining() + " bytes are left");
            }
            if (i == 0 ? zxid != row.firstZxid() : zxid <= previous) {
                throw new CorruptRowException("entry " + i + " has zxid 0x" + Long.toHexString(zxid)
                        + (i == 0 ? ", not the row's first zxid" : ", not above the previous entry's"));
            }
            if (zxid > afterZxid && entries.size() < maxEntries) {
                entries.add(new LogEntry(zxid, Arrays.copyOfRange(blob, in.position(), in.position() + length)));
            }
            in.position(in.position() + length);
            previous = zxid;
        }
        if (previous != row.lastZxid()) {
            throw new CorruptRowException("its BLOB ends with zxid 0x" + Long.toHexString(previous)
                    + ", not the row's last zxid");
        }
        if (in.hasRemaining()) {
            throw new CorruptRowException("its BLOB has " + in.remaining() + " bytes after its last entry");
        }
        return entries;
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
