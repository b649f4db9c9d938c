package org.quorumlab.launcher;

import java.util.List;

/**
 * Outcome of {@link ClusterLauncher#restartCluster}: the nodes that were still running and were
 * stopped first, the members started together, and the time until a quorum served a write.
 */
public record ClusterRestart(List<Long> stopped, List<Long> started, long millis, long leader) {

    public ClusterRestart {
        stopped = List.copyOf(stopped);
        started = List.copyOf(started);
    }

    /** One line for the CLI and the console. */
    public String describe() {
        return "restarted nodes " + started + (stopped.isEmpty() ? "" : " (stopped " + stopped + " first)")
                + "; quorum serving after " + millis + " ms, leader " + leader;
    }
}
