package org.quorumlab.launcher.chaos;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What every server holds once the cluster has healed and the clients have stopped, each read
 * through a session on that server alone after a {@code sync}.
 *
 * @param servers one snapshot per member
 */
record FinalState(List<ServerSnapshot> servers) {

    /** One register as read back: the read's call/return times (same clock as the history) and its result. */
    record Cell(long value, long version, long call, long ret) {
    }

    /**
     * One server's registers and queue.
     *
     * @param server    server id
     * @param registers key to cell
     * @param queue     sequential znode path to item, for every item still queued
     */
    record ServerSnapshot(long server, Map<String, Cell> registers, SortedMap<String, String> queue) {
    }
}
