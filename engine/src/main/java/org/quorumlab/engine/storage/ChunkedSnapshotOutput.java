package org.quorumlab.engine.storage;

import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The stream a {@link SnapshotStore} gives {@link SnapshotContent}: it cuts the bytes into chunks of a fixed size
 * and hands each chunk to a {@link ChunkSink} the moment it is full, so a snapshot of any size is written with one
 * chunk of buffer. It checksums each chunk and the whole stream with CRC32C (hardware-accelerated on x86 and
 * ARM, so verification costs little next to the I/O).
 *
 * <p>Not thread-safe: one writer. {@link #close()} does nothing; the store calls {@link #finish()} once the
 * content has been written without error, so a failed write never produces a final chunk.
 */
public final class ChunkedSnapshotOutput extends OutputStream {

    /**
     * Chunk size of every snapshot the server writes. 4 MiB because: the writer and the reader each hold one
     * chunk, which is noise next to a tree of gigabytes; each chunk is committed in its own short SQLite
     * transaction, and the transaction log's writer waits for the same database write lock, so a chunk delays a
     * log commit about as much as one full group-commit batch ({@link GroupCommitLog#MAX_BATCH_BYTES}, also 4 MiB)
     * and not seconds; and the per-chunk costs (a row, a commit with its fsync, a checksum call) are paid 256 times
     * per GiB, which is negligible. Tests pass smaller sizes to the stores' constructors.
     */
    public static final int DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

    private final ChunkSink sink;
    private final byte[] buffer;
    private final CRC32C whole = new CRC32C();
    private final CRC32C chunk = new CRC32C();
    private int filled;
    private int chunks;
    private long size;
    private boolean finished;

    public ChunkedSnapshotOutput(int chunkBytes, ChunkSink sink) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("chunkBytes must be >= 1: " + chunkBytes);
        }
        this.buffer = new byte[chunkBytes];
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void write(int b) {
        requireOpen();
        buffer[filled++] = (byte) b;
        size++;
        if (filled == buffer.length) {
            emit();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireOpen();
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            size += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                emit();
            }
        }
    }

    /** Emits the last, partial chunk (if any) and returns the totals for the snapshot's header. Once only. */
    public Totals finish() {
        requireOpen();
        if (filled > 0) {
            emit();
        }
        finished = true;
        return new Totals(chunks, size, whole.getValue());
    }

    /** Bytes written so far minus those already handed to the sink: never more than one chunk. */
    public int buffered() {
        return filled;
    }

    /** Does nothing: ending the content is not the same as completing the snapshot; see {@link #finish()}. */
    @Override
    public void close() {
        // The store decides, through finish(), whether the last partial chunk is written.
    }

    private void emit() {
        chunk.reset();
        chunk.update(buffer, 0, filled);
        whole.update(buffer, 0, filled);
        sink.accept(chunks, buffer, filled, chunk.getValue());
        chunks++;
        filled = 0;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("snapshot output already finished");
        }
    }

    /** Receives each chunk as soon as it is full. */
    @FunctionalInterface
    public interface ChunkSink {

        /**
         * Stores chunk {@code index} (0-based): the first {@code length} bytes of {@code data}, whose CRC32C is
         * {@code checksum}. {@code data} is reused for the next chunk, so copy what must outlive the call.
         * Failures are thrown as unchecked exceptions (a {@link StorageException}) and abort the snapshot.
         */
        void accept(int index, byte[] data, int length, long checksum);
    }

    /** What the header of a completed snapshot records. */
    public record Totals(int chunkCount, long sizeBytes, long checksum) {
    }
}
