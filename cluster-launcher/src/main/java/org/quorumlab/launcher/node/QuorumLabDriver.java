package org.quorumlab.launcher.node;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.quorumlab.launcher.state.SuperDigest;

/**
 * Runs {@code quorumlab server zoo.cfg --parent-pid P}. The node keeps its live membership in
 * {@code data/zoo.cfg.dynamic}; the launcher still rewrites zoo.cfg after every membership change
 * so a node whose data directory was wiped restarts with the current ensemble. Every port binds
 * the cluster's bind address, and the admin API's token is the cluster's {@code admin.token}.
 */
final class QuorumLabDriver implements EngineDriver {

    static final String MAIN_CLASS = "org.quorumlab.launcher.cli.Main";

    @Override
    public void writeConfig(ClusterLayout layout, ClusterState state, long id, Collection<Long> ensemble) {
        NodePorts p = state.ports(id);
        StringBuilder b = new StringBuilder("# QuorumLab node ").append(id).append(", written by the cluster launcher\n");
        b.append("myid=").append(id).append('\n');
        b.append("clientPort=").append(p.client()).append('\n');
        b.append("dataDir=").append(layout.dataDir(id)).append('\n');
        b.append("tickTime=").append(state.tickTime()).append('\n');
        b.append("initLimit=10\nsyncLimit=5\n");
        b.append(state.maxSessionTimeoutLine());
        b.append("reconfigEnabled=true\n");
        // Purge after every snapshot: ZooKeeper's hourly autopurge would let a benchmark's log grow by tens of GB.
        b.append("autopurge.snapRetainCount=3\nautopurge.afterSnapshot=true\n");
        b.append("4lw.commands.whitelist=*\n");
        b.append("maxClientCnxns=0\n"); // no per-IP limit: benchmarks open 1,000 local sessions
        b.append("superDigest=").append(SuperDigest.digest(state.superPassword())).append('\n');
        if (p.admin() > 0) {
            b.append("admin.serverPort=").append(p.admin()).append('\n');
            b.append("admin.serverAddress=").append(state.bindAddress()).append('\n');
            b.append("admin.tokenFile=").append(layout.adminTokenFile()).append('\n');
        }
        for (long m : ensemble) {
            b.append(state.serverLine(m)).append('\n');
        }
        ClusterStateFile.writeAtomically(layout.config(id), b.toString(), true);
    }

    @Override
    public boolean rewritesOwnConfig() {
        return false;
    }

    @Override
    public void prepareStart(ClusterLayout layout, long id) {
        try {
            Files.createDirectories(layout.dataDir(id));
        } catch (IOException e) {
            throw new LauncherException("cannot create " + layout.dataDir(id) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> command(JavaCommand java, ClusterLayout layout, ClusterState state, long id, long parentPid) {
        List<String> args = new ArrayList<>(List.of("server", layout.config(id).toString()));
        if (parentPid >= 0) {
            args.add("--parent-pid");
            args.add(Long.toString(parentPid));
        }
        return java.command(List.of(NodeProcesses.nodeMarker(layout.config(id))), MAIN_CLASS, args);
    }
}
