package org.quorumlab.launcher;

import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.quorumlab.launcher.node.EngineDriver;
import org.quorumlab.launcher.state.AdminTokenFile;
import org.quorumlab.launcher.state.BindAddress;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.quorumlab.launcher.state.PortAllocator;
import org.quorumlab.launcher.state.SuperDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ClusterLauncher#open} does to a directory before it runs anything: creates a new
 * cluster (admin token, ports, state file, every node's config) or checks that the existing one
 * may run as asked.
 */
final class ClusterCreation {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterCreation.class);

    private ClusterCreation() {
    }

    /**
     * The state of the cluster in {@code layout}, created when there is none.
     *
     * @param bindAddress null: an existing cluster keeps its own, a new one binds {@link ClusterState#DEFAULT_BIND}
     */
    static ClusterState createOrReuse(ClusterLayout layout, int nodes, Engine engine, int basePort, int tickTime,
            int maxSessionTimeout, String bindAddress) {
        ClusterStateFile file = new ClusterStateFile(layout);
        ClusterState state = file.read().orElse(null);
        if (state == null) {
            AdminTokenFile.ensure(layout);
            state = create(layout, nodes, engine, basePort, tickTime, maxSessionTimeout,
                    bindAddress == null ? ClusterState.DEFAULT_BIND : bindAddress);
            file.write(state);
        } else {
            reuse(layout, state, nodes, engine, bindAddress);
        }
        return state;
    }

    /** Checks that an existing cluster may run as asked, and gives one created before admin tokens its token. */
    private static void reuse(ClusterLayout layout, ClusterState state, int nodes, Engine engine, String bindAddress) {
        if (state.engine() != engine) {
            throw new LauncherException(layout.dir() + " holds a " + state.engine().cliName()
                    + " cluster; it cannot be run with --engine " + engine.cliName());
        }
        if (bindAddress != null && !bindAddress.equals(state.bindAddress())) {
            throw new LauncherException("the cluster in " + layout.dir() + " binds " + state.bindAddress()
                    + "; it cannot be run with --bind " + bindAddress + " (start a new cluster in another directory)");
        }
        if (state.members().size() != nodes) {
            LOG.info("Reusing the cluster in {} with its {} members {}", layout.dir(), state.members().size(),
                    state.members());
        }
        EngineDriver driver = EngineDriver.of(engine);
        if (AdminTokenFile.ensure(layout).created() && !driver.rewritesOwnConfig()) {
            for (long id : state.members()) {
                driver.writeConfig(layout, state, id, state.members());
            }
            LOG.info("Created the admin token {} and named it in the nodes' zoo.cfg", layout.adminTokenFile());
        }
    }

    private static ClusterState create(ClusterLayout layout, int nodes, Engine engine, int basePort,
            int tickTime, int maxSessionTimeout, String bindAddress) {
        if (nodes < 1) {
            throw new LauncherException("--nodes must be at least 1, got " + nodes);
        }
        PortAllocator ports = new PortAllocator(basePort, BindAddress.resolve(bindAddress));
        var nodePorts = new TreeMap<Long, NodePorts>();
        for (long id = 1; id <= nodes; id++) {
            nodePorts.put(id, ports.forNode(id, engine));
        }
        SortedSet<Long> members = LongStream.rangeClosed(1, nodes).boxed().collect(Collectors.toCollection(TreeSet::new));
        ClusterState state = new ClusterState(engine, basePort, tickTime, maxSessionTimeout, bindAddress,
                SuperDigest.newPassword(), nodes + 1L, nodePorts, members);
        EngineDriver driver = EngineDriver.of(engine);
        for (long id : members) {
            driver.writeConfig(layout, state, id, members);
        }
        LOG.info("Created a {}-node {} cluster in {}", nodes, engine.cliName(), layout.dir());
        return state;
    }
}
