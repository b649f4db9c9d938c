package org.quorumlab.engine.proto;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Writes Jute binary encoding into a growable byte array, producing exactly the bytes
 * {@code org.apache.jute.BinaryOutputArchive} produces. Reusable through {@link #reset()}; not thread-safe.
 */
public final class JuteOutput {

    private static final int INITIAL_CAPACITY = 256;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] buf;
    private int size;

    public JuteOutput() {
        this(INITIAL_CAPACITY);
    }

    /** An output that holds {@code initialCapacity} bytes before it first grows. */
    public JuteOutput(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, Long.BYTES)];
    }

    public void writeInt(int value) {
        ensureCapacity(Integer.BYTES);
        putInt(size, value);
        size += Integer.BYTES;
    }

    public void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    public void writeBool(boolean value) {
        ensureCapacity(1);
        buf[size++] = (byte) (value ? 1 : 0);
    }

    /**
     * Writes a Jute {@code ustring}; null is written as length -1. Like {@code BinaryOutputArchive},
     * each UTF-16 char is encoded on its own, so a surrogate pair takes six bytes rather than four.
     */
    public void writeString(String s) {
        if (s == null) {
            writeInt(-1);
            return;
        }
        int len = s.length();
        ensureCapacity(Integer.BYTES + 3L * len);
        int lengthAt = size;
        int pos = size + Integer.BYTES;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xc0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3f));
            } else {
                buf[pos++] = (byte) (0xe0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        putInt(lengthAt, pos - lengthAt - Integer.BYTES);
        size = pos;
    }

    /** Writes a Jute {@code buffer}; null is written as length -1. */
    public void writeBuffer(byte[] bytes) {
        if (bytes == null) {
            writeInt(-1);
            return;
        }
        ensureCapacity(Integer.BYTES + (long) bytes.length);
        writeInt(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** Writes a Jute {@code vector}: the count, then each item through {@code writer}; null is count -1. */
    public <T> void writeVector(List<T> items, BiConsumer<JuteOutput, T> writer) {
        if (items == null) {
            writeInt(-1);
            return;
        }
        writeInt(items.size());
        for (T item : items) {
            writer.accept(this, item);
        }
    }

    public void writeStringVector(List<String> items) {
        writeVector(items, JuteOutput::writeString);
    }

    /** Writes a nested record. Jute has no null encoding for records, so {@code r} must not be null. */
    public void writeRecord(JuteRecord r) {
        Objects.requireNonNull(r, "Jute cannot encode a null record").write(this);
    }

    /** Overwrites four already-written bytes at {@code offset}, e.g. to back-patch a frame length. */
    public void writeIntAt(int offset, int value) {
        Objects.checkFromIndexSize(offset, Integer.BYTES, size);
        putInt(offset, value);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** The backing array, valid up to {@link #size()}; it changes identity when the output grows. */
    public byte[] array() {
        return buf;
    }

    /** Empties the output, keeping its capacity. */
    public void reset() {
        size = 0;
    }

    private void putInt(int at, int value) {
        buf[at] = (byte) (value >>> 24);
        buf[at + 1] = (byte) (value >>> 16);
        buf[at + 2] = (byte) (value >>> 8);
        buf[at + 3] = (byte) value;
    }

    private void ensureCapacity(long extra) {
        long needed = size + extra;
        if (needed <= buf.length) {
            return;
        }
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("Jute output would exceed " + MAX_CAPACITY + " bytes");
        }
        // grow with 50% slack over what is needed: a large buffer field (a 1 KiB value) is usually followed by
        // a few small fields, which would otherwise copy the whole array a second time
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_CAPACITY, Math.max(needed + (needed >> 1), 2L * buf.length)));
    }
}
