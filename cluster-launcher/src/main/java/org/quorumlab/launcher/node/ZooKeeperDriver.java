package org.quorumlab.launcher.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.quorumlab.launcher.state.SuperDigest;

/**
 * Runs real Apache ZooKeeper ({@code QuorumPeerMain}) with a static zoo.cfg, a dynamic config file
 * and a {@code myid} file. ZooKeeper rewrites both config files itself after a reconfig. The
 * super digest is passed as the system property ZooKeeper's digest provider reads.
 */
final class ZooKeeperDriver implements EngineDriver {

    static final String MAIN_CLASS = "org.apache.zookeeper.server.quorum.QuorumPeerMain";

    @Override
    public void writeConfig(ClusterLayout layout, ClusterState state, long id, Collection<Long> ensemble) {
        var dynamic = layout.nodeDir(id).resolve("zoo.cfg.dynamic");
        StringBuilder d = new StringBuilder();
        for (long m : ensemble) {
            d.append(state.serverLine(m)).append('\n');
        }
        ClusterStateFile.writeAtomically(dynamic, d.toString(), false);
        String cfg = "# Apache ZooKeeper node " + id + ", written by the QuorumLab cluster launcher\n"
                + "tickTime=" + state.tickTime() + "\n"
                + "initLimit=10\nsyncLimit=5\n"
                + state.maxSessionTimeoutLine()
                + "dataDir=" + layout.dataDir(id) + "\n"
                + "4lw.commands.whitelist=*\n"
                + "maxClientCnxns=0\n" // no per-IP limit: benchmarks open 1,000 local sessions
                + "admin.enableServer=false\n"
                + "reconfigEnabled=true\n"
                + "standaloneEnabled=false\n"
                + "dynamicConfigFile=" + dynamic + "\n";
        ClusterStateFile.writeAtomically(layout.config(id), cfg, false);
    }

    @Override
    public boolean rewritesOwnConfig() {
        return true;
    }

    @Override
    public void prepareStart(ClusterLayout layout, long id) {
        try {
            Files.createDirectories(layout.dataDir(id));
            Files.writeString(layout.dataDir(id).resolve("myid"), id + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new LauncherException("cannot prepare " + layout.dataDir(id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> command(JavaCommand java, ClusterLayout layout, ClusterState state, long id, long parentPid) {
        List<String> jvm = List.of(NodeProcesses.nodeMarker(layout.config(id)),
                "-Dzookeeper.DigestAuthenticationProvider.superDigest=" + SuperDigest.digest(state.superPassword()),
                "-Dquorumlab.zk.log.level=INFO");
        List<String> args = new ArrayList<>();
        String main = MAIN_CLASS;
        if (parentPid >= 0) {
            main = ParentWatchdog.class.getName();
            args.addAll(List.of("--parent-pid", Long.toString(parentPid), MAIN_CLASS));
        }
        args.add(layout.config(id).toString());
        return java.command(jvm, main, args);
    }
}
