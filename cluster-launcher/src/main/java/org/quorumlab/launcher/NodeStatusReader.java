package org.quorumlab.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.quorumlab.launcher.node.NodeProcesses;
import org.quorumlab.launcher.probe.FourLetterWord;
import org.quorumlab.launcher.state.ClusterState;

/** Builds {@link NodeStatus} from PID files and each node's {@code srvr} reply, nodes asked in parallel. */
final class NodeStatusReader {

    static final int SRVR_TIMEOUT_MS = 2000;
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "srvr-probe");
        t.setDaemon(true);
        return t;
    });

    private final NodeProcesses processes;

    NodeStatusReader(NodeProcesses processes) {
        this.processes = processes;
    }

    /** Members, plus non-members whose process still runs. */
    List<NodeStatus> read(ClusterState s) {
        List<CompletableFuture<NodeStatus>> futures = new ArrayList<>();
        for (long id : s.nodes().keySet()) {
            futures.add(CompletableFuture.supplyAsync(() -> read(s, id), PROBES));
        }
        List<NodeStatus> out = new ArrayList<>();
        for (CompletableFuture<NodeStatus> f : futures) {
            NodeStatus n = f.join();
            if (n.member() || n.alive()) {
                out.add(n);
            }
        }
        return out;
    }

    NodeStatus read(ClusterState s, long id) {
        NodePorts ports = s.ports(id);
        boolean member = s.members().contains(id);
        Optional<ProcessHandle> h = processes.running(id);
        if (h.isEmpty()) {
            return new NodeStatus(id, -1, false, member, ports, "down");
        }
        String mode = FourLetterWord.send(s.host(), ports.client(), "srvr", SRVR_TIMEOUT_MS)
                .map(FourLetterWord::mode).orElse("starting");
        return new NodeStatus(id, h.get().pid(), true, member, ports, mode);
    }
}
