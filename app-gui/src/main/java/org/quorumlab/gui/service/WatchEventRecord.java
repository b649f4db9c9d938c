package org.quorumlab.gui.service;

import java.time.Instant;

/**
 * One watch notification received by the console.
 *
 * @param time      when it arrived
 * @param type      event type ({@code NodeDataChanged}, ...), or {@code None} for state changes
 * @param path      node path, or empty for state changes
 * @param sessionId the console's session that received it
 * @param state     keeper state at the time ({@code SyncConnected}, ...)
 * @param origin    which console watch fired (tree, detail, console addWatch, ...)
 */
public record WatchEventRecord(Instant time, String type, String path, long sessionId, String state, String origin) {

    /** Session id as {@code 0x...}. */
    public String sessionHex() {
        return Paths.hex(sessionId);
    }
}
