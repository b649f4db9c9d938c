package org.quorumlab.engine.storage;

import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Reads a chunked snapshot back one chunk at a time, verifying as it goes: each chunk against its own CRC32C
 * before any of its bytes are returned, and, on reaching the end, the total length and CRC32C against the
 * header. A failure throws {@link CorruptSnapshotException} (unchecked) from {@code read}. Only one chunk is held
 * at a time.
 *
 * <p>The end-of-snapshot checks run when a read reaches the end, so a reader must read until {@code -1} to know
 * the snapshot was whole. Not thread-safe.
 */
public final class ChunkedSnapshotInput extends InputStream {

    private final SnapshotInfo header;
    private final ChunkSource source;
    private final CRC32C whole = new CRC32C();
    private final CRC32C check = new CRC32C();
    private byte[] current = new byte[0];
    private int position;
    private int nextChunk;
    private long delivered;
    private boolean verifiedEnd;

    public ChunkedSnapshotInput(SnapshotInfo header, ChunkSource source) {
        this.header = Objects.requireNonNull(header, "header");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public int read() {
        if (position == current.length && !advance()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !advance()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    /** Loads and verifies the next non-empty chunk; at the end verifies the whole and returns false. */
    private boolean advance() {
        while (nextChunk < header.chunkCount()) {
            int index = nextChunk;
            StoredChunk stored = source.read(index);
            if (stored == null) {
                throw corrupt("chunk " + index + " of " + header.chunkCount() + " is missing");
            }
            check.reset();
            check.update(stored.data());
            if (check.getValue() != stored.checksum()) {
                throw corrupt("chunk " + index + " of " + header.chunkCount() + " fails its CRC32C check");
            }
            if (delivered + stored.data().length > header.sizeBytes()) {
                throw corrupt("chunk " + index + " runs past the header's size of " + header.sizeBytes() + " bytes");
            }
            whole.update(stored.data());
            delivered += stored.data().length;
            nextChunk++;
            current = stored.data();
            position = 0;
            if (current.length > 0) {
                return true;
            }
        }
        if (!verifiedEnd) {
            if (delivered != header.sizeBytes()) {
                throw corrupt("truncated: the chunks hold " + delivered + " of the header's " + header.sizeBytes()
                        + " bytes");
            }
            if (whole.getValue() != header.checksum()) {
                throw corrupt("the chunks together fail the header's CRC32C check");
            }
            verifiedEnd = true;
        }
        return false;
    }

    private CorruptSnapshotException corrupt(String reason) {
        return new CorruptSnapshotException(header.lastZxid(), reason);
    }

    /** Where the chunks come from. */
    @FunctionalInterface
    public interface ChunkSource {

        /** Returns chunk {@code index} as stored, or null if the store has no such chunk. */
        StoredChunk read(int index);
    }

    /** One chunk as stored: its bytes and the CRC32C recorded when it was written. */
    public record StoredChunk(long checksum, byte[] data) {

        public StoredChunk {
            Objects.requireNonNull(data, "data");
        }
    }
}
