package org.quorumlab.launcher;

/**
 * One node as the launcher sees it.
 *
 * @param id     server id (myid)
 * @param pid    process id from the node's PID file, or -1 when not running
 * @param alive  whether that process is running
 * @param member whether the node is in the ensemble's configuration (a voter)
 * @param ports  its ports
 * @param mode   {@code leader}, {@code follower}, {@code observer}, {@code looking}, {@code not serving}
 *               (alive but not serving clients, e.g. syncing), {@code starting} (alive, client port
 *               not answering) or {@code down}
 */
public record NodeStatus(long id, long pid, boolean alive, boolean member, NodePorts ports, String mode) {

    /** True when the node serves clients as part of a quorum. */
    public boolean serving() {
        return mode.equals("leader") || mode.equals("follower") || mode.equals("observer");
    }
}
