package org.quorumlab.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quorumlab.launcher.node.NodeProcesses;
import org.quorumlab.launcher.reconfig.QuorumGuard;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting nodes that may have no quorum yet: one node ({@code node start}) returns once its
 * process answers when too few voters run for a quorum, and a whole cluster ({@code cluster
 * restart}) is started all at once so its members elect a leader together.
 */
final class Restarts {

    private static final Logger LOG = LoggerFactory.getLogger(Restarts.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ClusterLayout layout;
    private final Supplier<ClusterState> state;
    private final NodeProcesses processes;
    private final NodeStatusReader statusReader;
    private final MembershipLock lock;
    private final BiConsumer<ClusterState, Long> spawn;
    private final Consumer<Duration> awaitQuorum;
    private final Duration stopGrace;

    Restarts(ClusterLayout layout, Supplier<ClusterState> state, NodeProcesses processes, NodeStatusReader statusReader,
            MembershipLock lock, BiConsumer<ClusterState, Long> spawn, Consumer<Duration> awaitQuorum,
            Duration stopGrace) {
        this.layout = layout;
        this.state = state;
        this.processes = processes;
        this.statusReader = statusReader;
        this.lock = lock;
        this.spawn = spawn;
        this.awaitQuorum = awaitQuorum;
        this.stopGrace = stopGrace;
    }

    /**
     * Starts member {@code id} unless it runs, then waits until it serves or, when fewer than a
     * majority of the voters' processes run, until its own process answers {@code srvr}.
     */
    NodeStart startNode(long id, Duration timeout) {
        ClusterState s = state.get();
        if (!s.members().contains(id)) {
            s.ports(id);
            throw new LauncherException("node " + id + " is not a member (members: " + s.members()
                    + "); add it with 'quorumlab node add " + id + "'");
        }
        boolean started = processes.running(id).isEmpty();
        if (started) {
            spawn.accept(s, id);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            s = state.get();
            NodeStatus n = statusReader.read(s, id);
            SortedSet<Long> voters = s.voters();
            if (n.serving()) {
                return new NodeStart(id, started, n.mode(), votersUp(voters), voters.size());
            }
            if (!n.alive()) {
                Optional<Integer> exit = processes.exitCodeIfChildDied(id);
                throw new LauncherException("node " + id + " is not running" + exit.map(c -> " (exit code " + c + ")")
                        .orElse("") + "; see " + layout.log(id) + NodeFiles.lastLogLine(layout, id));
            }
            int up = votersUp(voters);
            if (!n.mode().equals("starting") && up < QuorumGuard.majority(voters.size())) {
                return new NodeStart(id, started, n.mode(), up, voters.size());
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("node " + id + " did not serve within " + timeout.toMillis()
                        + " ms (mode: " + n.mode() + ", " + up + " of " + voters.size() + " voters up); see "
                        + layout.log(id));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Restarts every member at once: nodes of this directory that still run (members or not) are
     * stopped first, all together (SIGTERM, SIGKILL after the grace period), PID files naming dead
     * processes are removed, then every member is spawned and a quorum awaited.
     */
    ClusterRestart restartCluster(Duration timeout) {
        try (var held = lock.acquire("cluster restart")) {
            ClusterState s = state.get();
            List<Long> stopped = new ArrayList<>();
            for (long id : s.nodes().keySet()) {
                if (processes.running(id).isPresent()) {
                    stopped.add(id);
                }
            }
            if (!stopped.isEmpty()) {
                LOG.info("Cluster restart: stopping the nodes still running {}", stopped);
                processes.stopAll(stopped, stopGrace);
            }
            long t0 = System.nanoTime();
            List<Long> started = new ArrayList<>(s.members());
            for (long id : started) {
                spawn.accept(s, id);
            }
            long deadline = t0 + timeout.toNanos();
            awaitQuorum.accept(timeout);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long leader = leader(deadline);
            LOG.info("Cluster restart: {} serving after {} ms, leader {}", started, millis, leader);
            return new ClusterRestart(stopped, started, millis, leader);
        }
    }

    /** The leader's id: a quorum served, but a busy leader may miss one srvr probe, so ask until the deadline. */
    private long leader(long deadline) {
        while (true) {
            Optional<Long> leader = statusReader.read(state.get()).stream().filter(n -> n.mode().equals("leader"))
                    .map(NodeStatus::id).findFirst();
            if (leader.isPresent() || System.nanoTime() > deadline) {
                return leader.orElse(-1L);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private int votersUp(SortedSet<Long> voters) {
        int up = 0;
        for (long v : voters) {
            if (processes.running(v).isPresent()) {
                up++;
            }
        }
        return up;
    }
}
