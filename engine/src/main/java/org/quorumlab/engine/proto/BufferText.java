package org.quorumlab.engine.proto;

/** Renders a Jute buffer for {@code toString} by length only, so passwords and node data stay out of logs. */
final class BufferText {

    private BufferText() {
    }

    static String summary(byte[] bytes) {
        return bytes == null ? "null" : "byte[" + bytes.length + "]";
    }
}
