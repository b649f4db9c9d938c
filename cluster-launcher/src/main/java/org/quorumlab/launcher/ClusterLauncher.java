package org.quorumlab.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.quorumlab.launcher.node.EngineDriver;
import org.quorumlab.launcher.node.JavaCommand;
import org.quorumlab.launcher.node.NodeProcesses;
import org.quorumlab.launcher.node.PidFile;
import org.quorumlab.launcher.probe.WriteProbe;
import org.quorumlab.launcher.reconfig.QuorumGuard;
import org.quorumlab.launcher.state.AdminTokenFile;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ensemble of node processes in one directory and changes it: start, stop (SIGTERM), kill
 * (SIGKILL), restart, rolling restart, status; adding and removing servers and observers through
 * dynamic reconfig is delegated to {@link ClusterMembership}.
 *
 * <p>A launcher either <em>owns</em> the directory ({@link #open}, {@link #launch}: nodes it
 * spawns exit when this process dies, a shutdown hook stops them, {@code launcher.pid} names it) or
 * is <em>attached</em> to a directory another launcher owns ({@link #attach}: used by the
 * {@code node} and {@code status} commands; nodes it starts are tied to the owner). All state
 * lives in the directory, re-read for every operation, so several launchers may act on it.
 */
public final class ClusterLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLauncher.class);
    /** Generous bound for one operation on a busy machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** The tickTime of a cluster the launcher creates (ZooKeeper's default is 2000; 200 makes failover visible). */
    public static final int TICK_TIME = 200;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ClusterLayout layout;
    private final ClusterStateFile stateFile;
    private final NodeProcesses processes;
    private final EngineDriver driver;
    private final NodeStatusReader statusReader;
    private final MembershipLock membershipLock;
    private final ClusterMembership membership;
    private final Restarts restarts;
    private final boolean owner;
    private final Thread shutdownHook;
    private volatile boolean closed;
    private volatile String adminToken;

    private ClusterLauncher(ClusterLayout layout, ClusterState state, boolean owner) {
        this.layout = layout;
        this.stateFile = new ClusterStateFile(layout);
        this.processes = new NodeProcesses(layout, JavaCommand.current());
        this.driver = EngineDriver.of(state.engine());
        this.statusReader = new NodeStatusReader(processes);
        this.membershipLock = new MembershipLock(layout);
        this.membership = new ClusterMembership(layout, stateFile, processes, driver, statusReader, membershipLock,
                this::spawn, this::awaitServing);
        this.restarts = new Restarts(layout, this::state, processes, statusReader, membershipLock, this::spawn,
                this::awaitQuorum, STOP_GRACE);
        this.owner = owner;
        if (owner) {
            this.shutdownHook = new Thread(this::stopAllQuietly, "cluster-launcher-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * Opens {@code dir} as its owner: on first use writes configs for {@code nodes} nodes (ids
     * 1..nodes, ports from {@code basePort} or free ones when 0); on an existing directory reuses its
     * configs, data and members (then {@code nodes} and {@code basePort} are ignored). Adopts
     * running nodes found through PID files, cleans up stale PID files. Starts nothing.
     */
    public static ClusterLauncher open(Path dir, int nodes, Engine engine, int basePort) {
        return open(dir, nodes, engine, basePort, TICK_TIME);
    }

    /**
     * {@link #open(Path, int, Engine, int)} with the tickTime a new cluster's configs get (an existing
     * cluster keeps its own); the benchmarks use ZooKeeper's default 2000 ms.
     */
    public static ClusterLauncher open(Path dir, int nodes, Engine engine, int basePort, int tickTime) {
        return open(dir, nodes, engine, basePort, tickTime, 0);
    }

    /**
     * {@link #open(Path, int, Engine, int, int)} whose new cluster grants sessions up to
     * {@code maxSessionTimeout} ms (0: each engine's default of 20 ticks).
     */
    public static ClusterLauncher open(Path dir, int nodes, Engine engine, int basePort, int tickTime,
            int maxSessionTimeout) {
        return open(dir, nodes, engine, basePort, tickTime, maxSessionTimeout, null);
    }

    /**
     * {@link #open(Path, int, Engine, int, int, int)} whose new cluster's ports bind {@code bindAddress}
     * (null: an existing cluster keeps its own, a new one binds {@link ClusterState#DEFAULT_BIND}); an
     * existing cluster bound elsewhere is refused. Creates the cluster's admin token
     * ({@link AdminTokenFile}) when it has none; nodes configured before tokens existed get it in their
     * zoo.cfg from their next start.
     */
    public static ClusterLauncher open(Path dir, int nodes, Engine engine, int basePort, int tickTime,
            int maxSessionTimeout, String bindAddress) {
        ClusterLayout layout = new ClusterLayout(dir);
        PidFile ownerFile = new PidFile(layout.launcherPidFile());
        Optional<ProcessHandle> other = runningOwner(dir);
        if (other.isPresent()) {
            throw new LauncherException("the cluster in " + layout.dir() + " is already run by launcher process "
                    + other.get().pid() + "; use 'quorumlab node ...' / 'quorumlab status' or stop that launcher first");
        }
        ClusterState state = ClusterCreation.createOrReuse(layout, nodes, engine, basePort, tickTime,
                maxSessionTimeout, bindAddress);
        ownerFile.write(ProcessHandle.current());
        ClusterLauncher launcher = new ClusterLauncher(layout, state, true);
        launcher.adoptRunningNodes(state);
        return launcher;
    }

    /**
     * The launcher process, other than this one, that owns {@code dir} and still runs. A {@code launcher.pid}
     * naming a process that has exited (or a recycled PID) owns nothing.
     */
    public static Optional<ProcessHandle> runningOwner(Path dir) {
        return new PidFile(new ClusterLayout(dir).launcherPidFile()).live()
                .filter(h -> h.pid() != ProcessHandle.current().pid());
    }

    /** {@link #open} then {@link #startAll()}. */
    public static ClusterLauncher launch(Path dir, int nodes, Engine engine, int basePort) {
        return launch(dir, nodes, engine, basePort, TICK_TIME);
    }

    /** {@link #open(Path, int, Engine, int, int)} then {@link #startAll()}. */
    public static ClusterLauncher launch(Path dir, int nodes, Engine engine, int basePort, int tickTime) {
        return launch(dir, nodes, engine, basePort, tickTime, 0);
    }

    /** {@link #open(Path, int, Engine, int, int, int)} then {@link #startAll()}. */
    public static ClusterLauncher launch(Path dir, int nodes, Engine engine, int basePort, int tickTime,
            int maxSessionTimeout) {
        ClusterLauncher l = open(dir, nodes, engine, basePort, tickTime, maxSessionTimeout);
        try {
            l.startAll();
            return l;
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
    }

    /** Attaches to the cluster in {@code dir} without owning it (no shutdown hook). */
    public static ClusterLauncher attach(Path dir) {
        ClusterLayout layout = new ClusterLayout(dir);
        ClusterState state = new ClusterStateFile(layout).require();
        return new ClusterLauncher(layout, state, false);
    }

    private void adoptRunningNodes(ClusterState state) {
        for (long id : state.nodes().keySet()) {
            processes.running(id).ifPresent(h -> LOG.info("Adopted running node {} (pid {})", id, h.pid()));
        }
    }

    // ------------------------------------------------------------------ queries

    public Path dir() {
        return layout.dir();
    }

    public Engine engine() {
        return state().engine();
    }

    /** Current members (voters and observers), as last committed through a launcher. */
    public SortedSet<Long> members() {
        return state().members();
    }

    /** The members that vote. */
    public SortedSet<Long> voters() {
        return state().voters();
    }

    /** The members that are observers. */
    public SortedSet<Long> observers() {
        return state().observers();
    }

    /** {@code host:p1,host:p2,...} over the members' client ports (host: the bind address, or loopback). */
    public String connectString() {
        return state().connectString();
    }

    /** The address the nodes' client and admin ports bind ({@code --bind}; default 127.0.0.1). */
    public String bindAddress() {
        return state().bindAddress();
    }

    /** Where to reach the nodes: the bind address, or 127.0.0.1 when they bind the wildcard. */
    public String host() {
        return state().host();
    }

    /** {@code host:adminPort} of node {@code id}; empty for an engine without admin server. */
    public Optional<String> adminEndpoint(long id) {
        return state().adminEndpoint(id);
    }

    /**
     * The bearer token of this cluster's admin API, read once from {@code admin.token} in its
     * directory (created by the launcher that created or last opened the cluster).
     */
    public String adminToken() {
        String t = adminToken;
        if (t == null) {
            t = AdminTokenFile.read(layout.adminTokenFile());
            adminToken = t;
        }
        return t;
    }

    public NodePorts ports(long id) {
        return state().ports(id);
    }

    /** The super password reconfig authenticates with ({@code addAuthInfo("digest", "super:" + pw)}). */
    public String superPassword() {
        return state().superPassword();
    }

    /** Every member, plus any non-member whose process still runs, with its mode from {@code srvr}. */
    public List<NodeStatus> status() {
        return statusReader.read(state());
    }

    /** Id of the node reporting {@code Mode: leader}, if any. */
    public Optional<Long> leader() {
        return status().stream().filter(s -> s.mode().equals("leader")).map(NodeStatus::id).findFirst();
    }

    public boolean isRunning(long id) {
        return processes.running(id).isPresent();
    }

    public long pid(long id) {
        return processes.running(id).map(ProcessHandle::pid).orElse(-1L);
    }

    // ------------------------------------------------------------------ process control

    /** Starts every member that is not running. */
    public void startAll() {
        ClusterState s = state();
        for (long id : s.members()) {
            if (processes.running(id).isEmpty()) {
                spawn(s, id);
            }
        }
    }

    /** Starts member {@code id} (returns at once; see {@link #awaitServing}). False if it already ran. */
    public boolean start(long id) {
        ClusterState s = state();
        requireMember(s, id);
        if (processes.running(id).isPresent()) {
            return false;
        }
        spawn(s, id);
        return true;
    }

    /**
     * Starts member {@code id} unless it runs and waits until it serves or, when fewer than a majority
     * of the voters' processes run, only until its own process answers (the outcome says how many).
     */
    public NodeStart startNode(long id, Duration timeout) {
        return restarts.startNode(id, timeout);
    }

    /**
     * Restarts a stopped or crashed cluster: nodes still running are stopped first (all together),
     * stale PID files are removed, then every member is started at once and a quorum awaited.
     */
    public ClusterRestart restartCluster(Duration timeout) {
        return restarts.restartCluster(timeout);
    }

    /** Graceful stop: SIGTERM, then SIGKILL after a grace period. False if it was not running. */
    public boolean stop(long id) {
        state().ports(id);
        return processes.stop(id, STOP_GRACE);
    }

    /** {@code kill -9}. False if it was not running. */
    public boolean kill(long id) {
        state().ports(id);
        return processes.kill(id);
    }

    /** Graceful stop, start, and wait until it serves again. */
    public void restart(long id, Duration timeout) {
        ClusterState s = state();
        requireMember(s, id);
        processes.stop(id, STOP_GRACE);
        spawn(s, id);
        awaitServing(id, timeout);
    }

    public void restart(long id) {
        restart(id, DEFAULT_TIMEOUT);
    }

    /** Deletes a stopped node's data directory (it resyncs from the leader on its next start). */
    public void wipeData(long id) {
        state().ports(id);
        if (processes.running(id).isPresent()) {
            throw new LauncherException("node " + id + " is running; stop it before wiping its data");
        }
        NodeFiles.deleteRecursively(layout.dataDir(id));
        LOG.info("Wiped the data of node {}", id);
    }

    /**
     * Restarts every member one at a time, followers first and the leader last, waiting after each
     * until it serves again and the ensemble has a quorum. Returns the order used.
     */
    public List<Long> rollingRestart(Duration perNodeTimeout) {
        try (var held = membershipLock.acquire("rolling-restart")) {
            List<NodeStatus> before = status();
            List<Long> down = before.stream().filter(n -> n.member() && !n.serving()).map(NodeStatus::id).toList();
            if (!down.isEmpty()) {
                throw new LauncherException("rolling restart needs every member serving, but " + down
                        + " are not (start them or remove them first)");
            }
            List<Long> order = new ArrayList<>();
            before.stream().filter(n -> n.member() && !n.mode().equals("leader")).forEach(n -> order.add(n.id()));
            before.stream().filter(n -> n.member() && n.mode().equals("leader")).forEach(n -> order.add(n.id()));
            for (long id : order) {
                LOG.info("Rolling restart: node {}", id);
                restart(id, perNodeTimeout);
                awaitQuorum(perNodeTimeout);
            }
            return order;
        }
    }

    public List<Long> rollingRestart() {
        return rollingRestart(DEFAULT_TIMEOUT);
    }

    // ------------------------------------------------------------------ waiting

    /**
     * Waits until a majority of members serve, one of them as leader, and a client write through
     * {@link #connectString()} is acknowledged.
     */
    public void awaitQuorum(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            ClusterState s = state();
            List<NodeStatus> st = statusReader.read(s);
            SortedSet<Long> voters = s.voters();
            Set<Long> serving = ClusterMembership.servingMembers(st).stream().filter(voters::contains)
                    .collect(Collectors.toSet());
            boolean leader = st.stream().anyMatch(n -> n.member() && n.mode().equals("leader"));
            last = st.stream().filter(NodeStatus::member).map(n -> n.id() + "=" + n.mode())
                    .collect(Collectors.joining(", "));
            List<Long> alive = st.stream().filter(n -> voters.contains(n.id()) && n.alive()).map(NodeStatus::id).toList();
            if (alive.size() < QuorumGuard.majority(voters.size())) {
                long dead = voters.stream().filter(m -> !alive.contains(m)).findFirst().orElse(-1L);
                throw new LauncherException("no quorum possible: only " + alive.size() + " of " + voters.size()
                        + " voters are running; see " + layout.log(dead) + NodeFiles.lastLogLine(layout, dead));
            }
            if (leader && serving.size() >= QuorumGuard.majority(voters.size())) {
                long remaining = deadline - System.nanoTime();
                if (remaining > 0 && WriteProbe.write(s.connectString(), Duration.ofNanos(Math.min(remaining,
                        TimeUnit.SECONDS.toNanos(10))))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("no quorum within " + timeout.toMillis() + " ms (" + last
                        + "); see the node logs in " + layout.dir());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until node {@code id} serves clients as leader, follower or observer. */
    public void awaitServing(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            NodeStatus n = statusReader.read(state(), id);
            if (n.serving()) {
                return;
            }
            if (!n.alive()) {
                Optional<Integer> exit = processes.exitCodeIfChildDied(id);
                throw new LauncherException("node " + id + " is not running" + exit.map(c -> " (exit code " + c + ")")
                        .orElse("") + "; see " + layout.log(id) + NodeFiles.lastLogLine(layout, id));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("node " + id + " did not serve within " + timeout.toMillis()
                        + " ms (mode: " + n.mode() + "); see " + layout.log(id));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    // ------------------------------------------------------------------ membership

    /** Adds a server with the next free id. */
    public MembershipChange addServer() {
        return addServer(-1, DEFAULT_TIMEOUT);
    }

    /**
     * Adds server {@code id} (-1: next free id): spawns it with a config listing the members and
     * itself, then commits a reconfig that joins it, authenticated as super. Refused when the old
     * or new voters would lack a quorum; the process is removed again if the reconfig fails.
     */
    public MembershipChange addServer(long requestedId, Duration timeout) {
        return membership.addServer(requestedId, timeout);
    }

    /** Adds an observer with the next free id. */
    public MembershipChange addObserver() {
        return addObserver(-1, DEFAULT_TIMEOUT);
    }

    /**
     * Adds observer {@code id} (-1: next free id) as {@link #addServer(long, Duration)} does, joined
     * as {@code server.N=host:quorum:election:observer;client}: it serves clients and follows the
     * leader's commits but does not vote, so the quorum size stays as it was. Refused when the
     * voters have no quorum to commit the reconfig.
     */
    public MembershipChange addObserver(long requestedId, Duration timeout) {
        return membership.addObserver(requestedId, timeout);
    }

    /** Removes member {@code id} (server or observer) by reconfig, then stops it. Refused when that would lose quorum. */
    public MembershipChange removeServer(long id) {
        return removeServer(id, DEFAULT_TIMEOUT);
    }

    public MembershipChange removeServer(long id, Duration timeout) {
        return membership.remove(id, timeout);
    }

    // ------------------------------------------------------------------ shutdown

    /** Gracefully stops every running node of this directory (members or not). */
    public void stopAll() {
        ClusterState s = state();
        processes.stopAll(s.nodes().keySet(), STOP_GRACE);
    }

    /** Owner: stops all nodes and releases the directory. Attached: nothing to release. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owner) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs stopAllQuietly itself
            }
            stopAllQuietly();
        }
    }

    private void stopAllQuietly() {
        try {
            stopAll();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the nodes of {} failed: {}", layout.dir(), e.getMessage());
        } finally {
            PidFile ownerFile = new PidFile(layout.launcherPidFile());
            if (ownerFile.recordedPid() == ProcessHandle.current().pid()) {
                ownerFile.delete();
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private ClusterState state() {
        return stateFile.require();
    }

    private void spawn(ClusterState s, long id) {
        processes.spawn(s, driver, id, parentPid(id));
    }

    /** Owner: this process. Attached: the owning launcher if one runs, else none (node runs detached). */
    private long parentPid(long id) {
        if (owner) {
            return ProcessHandle.current().pid();
        }
        Optional<ProcessHandle> o = new PidFile(layout.launcherPidFile()).live();
        if (o.isPresent()) {
            return o.get().pid();
        }
        LOG.warn("No launcher owns {}; node {} runs detached until stopped", layout.dir(), id);
        return -1;
    }

    private static void requireMember(ClusterState s, long id) {
        s.ports(id);
        if (!s.members().contains(id)) {
            throw new LauncherException("node " + id + " is not a member (members: " + s.members()
                    + "); add it with 'quorumlab node add " + id + "'");
        }
    }
}
