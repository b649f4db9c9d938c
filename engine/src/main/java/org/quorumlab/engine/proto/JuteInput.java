package org.quorumlab.engine.proto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads Jute binary encoding (big-endian, as {@code org.apache.jute.BinaryInputArchive}) from a
 * {@link ByteBuffer}. Reads advance the buffer's position; the buffer's byte order is set to big-endian.
 *
 * <p>Every length prefix is checked against the bytes left before anything is allocated, so a hostile
 * frame cannot make the server allocate more than the frame's own size. Any violation throws
 * {@link MalformedRecordException}. Not thread-safe.
 */
public final class JuteInput {

    private final ByteBuffer buf;

    public JuteInput(ByteBuffer buf) {
        this.buf = buf.order(ByteOrder.BIG_ENDIAN);
    }

    public JuteInput(byte[] bytes) {
        this(ByteBuffer.wrap(bytes));
    }

    public int readInt() {
        need(Integer.BYTES, "int");
        return buf.getInt();
    }

    public long readLong() {
        need(Long.BYTES, "long");
        return buf.getLong();
    }

    /** Reads one byte; any nonzero value is true. */
    public boolean readBool() {
        need(1, "boolean");
        return buf.get() != 0;
    }

    /** Reads a Jute {@code ustring}: an int length, then that many UTF-8 bytes; length -1 is null. */
    public String readString() {
        int len = readLength("ustring");
        if (len < 0) {
            return null;
        }
        String s;
        if (buf.hasArray()) {
            s = new String(buf.array(), buf.arrayOffset() + buf.position(), len, StandardCharsets.UTF_8);
            buf.position(buf.position() + len);
        } else {
            byte[] bytes = new byte[len];
            buf.get(bytes);
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return s;
    }

    /** Reads a Jute {@code buffer}: an int length, then that many bytes; length -1 is null. */
    public byte[] readBuffer() {
        int len = readLength("buffer");
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        buf.get(bytes);
        return bytes;
    }

    /**
     * Reads a Jute {@code vector}: an int count, then that many elements read by {@code reader};
     * count -1 is null. Returns an unmodifiable list.
     */
    public <T> List<T> readVector(Function<JuteInput, T> reader) {
        int count = readLength("vector");
        if (count < 0) {
            return null;
        }
        List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(reader.apply(this));
        }
        return Collections.unmodifiableList(items);
    }

    public List<String> readStringVector() {
        return readVector(JuteInput::readString);
    }

    public int remaining() {
        return buf.remaining();
    }

    public boolean hasRemaining() {
        return buf.hasRemaining();
    }

    /**
     * Reads a length or count prefix. Returns -1 for null; every element of every Jute type takes
     * at least one byte, so a value above {@link #remaining()} cannot be valid.
     */
    private int readLength(String what) {
        int len = readInt();
        if (len == -1) {
            return -1;
        }
        if (len < 0) {
            throw new MalformedRecordException("negative " + what + " length " + len);
        }
        if (len > buf.remaining()) {
            throw new MalformedRecordException(
                    what + " length " + len + " exceeds the " + buf.remaining() + " bytes left");
        }
        return len;
    }

    private void need(int bytes, String what) {
        if (buf.remaining() < bytes) {
            throw new MalformedRecordException(
                    "truncated " + what + ": need " + bytes + " bytes, " + buf.remaining() + " left");
        }
    }
}
