package org.quorumlab.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.quorumlab.launcher.node.EngineDriver;
import org.quorumlab.launcher.node.NodeProcesses;
import org.quorumlab.launcher.reconfig.QuorumGuard;
import org.quorumlab.launcher.reconfig.Reconfigurer;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.quorumlab.launcher.state.PortAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership changes of a launcher's cluster through dynamic reconfig: add a voting server or an
 * observer, remove either. One change at a time per directory ({@link MembershipLock}); a change
 * that would leave the old or new voters without a quorum is refused before anything is spawned
 * ({@link QuorumGuard}). The committed configuration is what the state file records afterwards.
 */
final class ClusterMembership {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final ClusterLayout layout;
    private final ClusterStateFile stateFile;
    private final NodeProcesses processes;
    private final EngineDriver driver;
    private final NodeStatusReader statusReader;
    private final MembershipLock lock;
    private final BiConsumer<ClusterState, Long> spawn;
    private final BiConsumer<Long, Duration> awaitServing;

    /**
     * @param spawn        starts node {@code id} of a state (tied to the launcher that owns the directory)
     * @param awaitServing waits until a node serves clients, or throws with the reason
     */
    ClusterMembership(ClusterLayout layout, ClusterStateFile stateFile, NodeProcesses processes, EngineDriver driver,
            NodeStatusReader statusReader, MembershipLock lock, BiConsumer<ClusterState, Long> spawn,
            BiConsumer<Long, Duration> awaitServing) {
        this.layout = layout;
        this.stateFile = stateFile;
        this.processes = processes;
        this.driver = driver;
        this.statusReader = statusReader;
        this.lock = lock;
        this.spawn = spawn;
        this.awaitServing = awaitServing;
    }

    /** See {@link ClusterLauncher#addServer(long, Duration)}. */
    MembershipChange addServer(long requestedId, Duration timeout) {
        return join(requestedId, false, timeout);
    }

    /** See {@link ClusterLauncher#addObserver(long, Duration)}. */
    MembershipChange addObserver(long requestedId, Duration timeout) {
        return join(requestedId, true, timeout);
    }

    private MembershipChange join(long requestedId, boolean observer, Duration timeout) {
        long t0 = System.nanoTime();
        String kind = observer ? "observer" : "server";
        try (var held = lock.acquire("add " + (observer ? "an observer" : "a server"))) {
            ClusterState s = stateFile.require();
            long id = requestedId > 0 ? requestedId : s.nextId();
            Set<Long> serving = servingMembers(statusReader.read(s));
            if (observer) {
                QuorumGuard.checkAddObserver(s.members(), s.voters(), serving, id);
            } else {
                if (s.members().contains(id)) {
                    throw new LauncherException("server " + id + " is already a member (members: " + s.members() + ")");
                }
                QuorumGuard.checkAdd(s.voters(), serving, id);
            }
            if (s.nodes().containsKey(id)) {
                if (processes.running(id).isPresent()) {
                    throw new LauncherException("cannot add " + kind + " " + id + ": a node " + id
                            + " is running but is not a member; stop it first");
                }
                NodeFiles.deleteRecursively(layout.dataDir(id));
            } else {
                s = s.withNode(id, new PortAllocator(s.basePort(), s.nodes().values()).forNode(id,
                        s.engine() == Engine.QUORUMLAB));
            }
            stateFile.write(s);
            SortedSet<Long> ensemble = new TreeSet<>(s.members());
            ensemble.add(id);
            SortedSet<Long> observers = new TreeSet<>(s.observers());
            if (observer) {
                observers.add(id);
            }
            ClusterState joining = s.withMembers(ensemble, observers);
            driver.writeConfig(layout, joining, id, ensemble);
            String connect = s.withMembers(new TreeSet<>(serving)).connectString();
            spawn.accept(s, id);
            Reconfigurer.Result r;
            try {
                r = new Reconfigurer(s.superPassword()).join(connect, id, joining.serverLine(id), timeout);
            } catch (RuntimeException e) {
                processes.kill(id);
                throw e;
            }
            ClusterState after = s.withMembers(r.members(), r.observers());
            stateFile.write(after);
            rewriteMemberConfigs(after);
            awaitServing.accept(id, timeout);
            long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            LOG.info("Added {} {}: config 0x{}, reconfig {} ms, total {} ms", kind, id, Long.toHexString(r.version()),
                    r.millis(), total);
            return new MembershipChange(observer ? MembershipChange.Kind.OBSERVER_ADDED : MembershipChange.Kind.ADDED,
                    id, r.version(), r.millis(), total, r.config());
        }
    }

    /** See {@link ClusterLauncher#removeServer(long, Duration)}. */
    MembershipChange remove(long id, Duration timeout) {
        long t0 = System.nanoTime();
        try (var held = lock.acquire("remove server " + id)) {
            ClusterState s = stateFile.require();
            Set<Long> serving = servingMembers(statusReader.read(s));
            boolean observer = s.observers().contains(id);
            if (observer) {
                QuorumGuard.checkRemoveObserver(s.voters(), serving, id);
            } else {
                QuorumGuard.checkRemove(s.voters(), serving, id);
            }
            ClusterState others = s.withMembers(new TreeSet<>(s.members().stream()
                    .filter(m -> m != id && serving.contains(m)).toList()));
            Reconfigurer.Result r = new Reconfigurer(s.superPassword()).leave(others.connectString(), id, timeout);
            ClusterState after = s.withMembers(r.members(), r.observers());
            stateFile.write(after);
            rewriteMemberConfigs(after);
            processes.stop(id, ClusterLauncher.STOP_GRACE);
            long total = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            LOG.info("Removed {} {}: config 0x{}, reconfig {} ms, total {} ms", observer ? "observer" : "server", id,
                    Long.toHexString(r.version()), r.millis(), total);
            return new MembershipChange(MembershipChange.Kind.REMOVED, id, r.version(), r.millis(), total, r.config());
        }
    }

    private void rewriteMemberConfigs(ClusterState s) {
        if (driver.rewritesOwnConfig()) {
            return;
        }
        for (long m : s.members()) {
            driver.writeConfig(layout, s, m, s.members());
        }
    }

    /** Members (voters and observers) that serve clients now. */
    static Set<Long> servingMembers(List<NodeStatus> st) {
        return st.stream().filter(n -> n.member() && n.serving()).map(NodeStatus::id).collect(Collectors.toSet());
    }
}
