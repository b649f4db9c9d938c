package org.quorumlab.launcher;

/**
 * Outcome of {@link ClusterLauncher#startNode}: the node serves in {@code mode}, or its process is
 * up but too few voters run for a quorum, so it waits for the others.
 *
 * @param started  false if the node was already running
 * @param votersUp voters whose process is up, this node included
 */
public record NodeStart(long id, boolean started, String mode, int votersUp, int voters) {

    /** True when the node serves clients; false when it is up and waiting for a quorum. */
    public boolean serving() {
        return mode.equals("leader") || mode.equals("follower") || mode.equals("observer");
    }

    /** One line for the CLI and the console. */
    public String describe() {
        String prefix = started ? "node " + id : "node " + id + " was already running;";
        if (serving()) {
            return prefix + " serving as " + mode;
        }
        return prefix + " is up, waiting for quorum: " + votersUp + " of " + voters + " voters up";
    }
}
