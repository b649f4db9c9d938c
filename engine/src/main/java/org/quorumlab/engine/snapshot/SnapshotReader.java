package org.quorumlab.engine.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.MalformedRecordException;

/**
 * Reads Jute encoding (big-endian, as {@code org.apache.jute.BinaryInputArchive}) from a stream of known length,
 * through a small buffer of its own. Like {@link org.quorumlab.engine.proto.JuteInput} for arrays, it checks every
 * length prefix against the bytes left before allocating anything, so damaged bytes cannot make it allocate more
 * than the snapshot's own size. Violations throw {@link MalformedRecordException}. Not thread-safe.
 */
final class SnapshotReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    /** Bytes of the declared size not yet consumed by a read (some may sit in the buffer). */
    private long remaining;

    SnapshotReader(InputStream in, long sizeBytes) {
        this.in = in;
        this.remaining = sizeBytes;
    }

    int readInt() throws IOException {
        need(Integer.BYTES, "int");
        int value = (buffer[position] & 0xff) << 24 | (buffer[position + 1] & 0xff) << 16
                | (buffer[position + 2] & 0xff) << 8 | buffer[position + 3] & 0xff;
        position += Integer.BYTES;
        return value;
    }

    long readLong() throws IOException {
        return (long) readInt() << 32 | readInt() & 0xffffffffL;
    }

    /** A Jute {@code ustring}; length -1 is null. */
    String readString() throws IOException {
        byte[] bytes = readBuffer();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A Jute {@code buffer}; length -1 is null. */
    byte[] readBuffer() throws IOException {
        int length = readLength("buffer");
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        int copied = Math.min(length, limit - position);
        System.arraycopy(buffer, position, bytes, 0, copied);
        position += copied;
        // the rest (a large node's data) straight from the stream, not through the buffer
        while (copied < length) {
            int n = in.read(bytes, copied, length - copied);
            if (n < 0) {
                throw new MalformedRecordException("snapshot stream ended " + (length - copied)
                        + " bytes into a buffer field");
            }
            copied += n;
        }
        remaining -= length;
        return bytes;
    }

    /** A Jute vector of ACL records; a null vector is refused, every node has an ACL. */
    List<Acl> readAcl() throws IOException {
        int count = readLength("ACL vector");
        if (count < 0) {
            throw new MalformedRecordException("node without ACL vector");
        }
        List<Acl> acl = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            acl.add(new Acl(readInt(), new Id(readString(), readString())));
        }
        return Collections.unmodifiableList(acl);
    }

    /** A count of elements that each take at least one byte; never null. */
    int readCount(String what) throws IOException {
        int count = readLength(what + " count");
        if (count < 0) {
            throw new MalformedRecordException("null " + what + " count");
        }
        return count;
    }

    /** Requires that the declared size has been consumed and the stream ends there too. */
    void expectEnd() throws IOException {
        if (remaining != 0 || position != limit) {
            throw new MalformedRecordException("snapshot has " + remaining + " bytes after its last node");
        }
        if (in.read() != -1) {
            throw new MalformedRecordException("snapshot stream is longer than its declared size");
        }
    }

    /** A length or count prefix: -1 is null; anything else must fit in what is left. */
    private int readLength(String what) throws IOException {
        int length = readInt();
        if (length == -1) {
            return -1;
        }
        if (length < 0) {
            throw new MalformedRecordException("negative " + what + " length " + length);
        }
        if (length > remaining) {
            throw new MalformedRecordException(what + " length " + length + " exceeds the " + remaining
                    + " bytes left");
        }
        return length;
    }

    /** Makes {@code bytes} readable at {@code position} and counts them as consumed. */
    private void need(int bytes, String what) throws IOException {
        if (remaining < bytes) {
            throw new MalformedRecordException("truncated " + what + ": need " + bytes + " bytes, " + remaining
                    + " left");
        }
        if (limit - position < bytes) {
            fill(bytes, what);
        }
        remaining -= bytes;
    }

    private void fill(int bytes, String what) throws IOException {
        int kept = limit - position;
        System.arraycopy(buffer, position, buffer, 0, kept);
        position = 0;
        limit = kept;
        // never read past the declared size: the stream's end must stay unread for expectEnd
        int wanted = (int) Math.min(buffer.length, remaining);
        while (limit < bytes) {
            int n = in.read(buffer, limit, wanted - limit);
            if (n < 0) {
                throw new MalformedRecordException("snapshot stream ended inside a " + what);
            }
            limit += n;
        }
    }
}
