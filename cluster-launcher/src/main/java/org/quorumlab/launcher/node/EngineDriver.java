package org.quorumlab.launcher.node;

import java.util.Collection;
import java.util.List;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;

/** What differs between engines: the files a node needs and the command that runs it. */
public interface EngineDriver {

    /** Writes node {@code id}'s configuration for an ensemble made of {@code ensemble} (which includes it). */
    void writeConfig(ClusterLayout layout, ClusterState state, long id, Collection<Long> ensemble);

    /**
     * True when the engine keeps its own config files current after a reconfig (ZooKeeper rewrites
     * zoo.cfg and its dynamic file); the launcher then writes a node's config only once.
     */
    boolean rewritesOwnConfig();

    /** Creates the data directory and anything the engine expects in it before a start. */
    void prepareStart(ClusterLayout layout, long id);

    /**
     * The command line for node {@code id}; with {@code parentPid >= 0} the node exits when that
     * process does.
     */
    List<String> command(JavaCommand java, ClusterLayout layout, ClusterState state, long id, long parentPid);

    static EngineDriver of(Engine engine) {
        return switch (engine) {
            case QUORUMLAB -> new QuorumLabDriver();
            case ZOOKEEPER -> new ZooKeeperDriver();
        };
    }
}
