package org.quorumlab.gui.cluster;

import java.util.List;
import org.quorumlab.launcher.ClusterRestart;
import org.quorumlab.launcher.MembershipChange;

/**
 * Process and membership control of a managed ensemble (the bundled cluster). Calls block;
 * failures throw with a one-line reason a user can act on.
 */
public interface ClusterControl {

    /** Graceful stop; false if it was not running. */
    boolean stop(long id);

    /** {@code kill -9}; false if it was not running. */
    boolean kill(long id);

    /** Start a stopped member; false if it already ran. */
    boolean start(long id);

    /** Stop, start, and wait until it serves. */
    void restart(long id);

    /** Spawn a server with the next id and join it by reconfig. */
    MembershipChange addServer();

    /** Reconfig a server out, then stop it. */
    MembershipChange removeServer(long id);

    /** Restart members one by one, leader last; the order used. */
    List<Long> rollingRestart();

    /** Spawn an observer (non-voting server) with the next id and join it by reconfig. */
    MembershipChange addObserver();

    /** Stop what still runs, start every member at once, wait until a quorum serves. */
    ClusterRestart restartCluster();
}
