package org.quorumlab.gui.lessons;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.apache.zookeeper.KeeperException;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.cluster.AdminFaults;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.MembershipChange;
import org.quorumlab.launcher.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes the actions of docs/lessons.md against the lesson cluster: process control and
 * membership through the {@link ClusterLauncher}, partitions and teaching mode through each node's
 * admin API, reads and writes with the official ZooKeeper client, recipes through a
 * {@link RecipeRunner} and auto-scaling with the launcher's policies. Every action returns one line
 * for the audience. Actions that need the ensemble to make progress step held messages while the
 * cluster is paused ({@link ProgressPump}). One action at a time.
 */
public final class LessonActions implements StepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LessonActions.class);
    private static final int MAX_NODES = 9;
    private static final int MAX_CLIENTS = 50;
    /** A recipe client's state until its session is established. */
    private static final String RECIPE_STARTING = "CONNECTING";
    private static final long RECIPE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final LessonSettings settings;
    private final AdminClient admin;
    private final RecipeRunner.Factory recipes;
    private final RandomGenerator random;
    private final LessonCluster cluster;
    private final LessonTeaching teaching;
    private final ProgressPump pump;
    private final Autoscaling autoscaling = new Autoscaling();
    private final List<Consumer<ClusterLauncher>> clusterListeners = new CopyOnWriteArrayList<>();
    private volatile RecipeRunner recipeRunner;

    /**
     * Actions on the lesson cluster in {@code settings.clusterDir()}; their admin calls carry that
     * cluster's token (read from its directory, like every client's).
     *
     * @param recipes creates the recipe clients of {@code runRecipe}
     * @param random  picks the node of a write or read that names none
     */
    public LessonActions(LessonSettings settings, RecipeRunner.Factory recipes, RandomGenerator random) {
        this.settings = settings;
        this.admin = new AdminClient(() -> launcher().map(ClusterLauncher::adminToken));
        this.recipes = recipes;
        this.random = random;
        this.cluster = new LessonCluster(settings, admin);
        this.teaching = new LessonTeaching(admin);
        this.pump = new ProgressPump(teaching, settings.stepInterval());
    }

    /** Called (on the action's thread) after every {@code startCluster} with the new cluster. */
    public void onClusterStarted(Consumer<ClusterLauncher> listener) {
        clusterListeners.add(listener);
    }

    /** The running lesson cluster, if a lesson started one. */
    public Optional<ClusterLauncher> launcher() {
        return cluster.running() ? Optional.of(cluster.launcher()) : Optional.empty();
    }

    @Override
    public synchronized StepOutcome run(LessonAction action) {
        long t0 = System.nanoTime();
        String name = action.type().lessonName();
        try {
            if (action.type().needsCluster()) {
                cluster.launcher();
            }
            String text = execute(action);
            long ms = millisSince(t0);
            String shown = action.expectFailure()
                    ? name + " succeeded, but the lesson expected it to fail: " + text + " in " + duration(ms)
                    : text + " in " + duration(ms);
            return StepOutcome.of(action.expectFailure(), false, shown, ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepOutcome.of(action.expectFailure(), true, name + " interrupted", millisSince(t0));
        } catch (Exception e) {
            LOG.debug("Lesson action {} failed", action.describe(), e);
            String reason = e instanceof java.util.concurrent.TimeoutException ? "timed out: " + e.getMessage()
                    : ClientOps.reason(e);
            long ms = millisSince(t0);
            return StepOutcome.of(action.expectFailure(), true,
                    name + (action.expectFailure() ? " failed as expected: " : " failed: ") + reason + " after "
                            + duration(ms), ms);
        }
    }

    private String execute(LessonAction a) throws Exception {
        switch (a.type()) {
            case START_CLUSTER:
                return startCluster(a.intArg("nodes", 3));
            case WAIT_FOR_LEADER: {
                Duration timeout = a.args().containsKey("timeoutMs") ? Duration.ofMillis(a.intArg("timeoutMs", 0))
                        : timeout();
                LessonCluster.Leader leader = progress(() -> cluster.awaitLeader(timeout), timeout);
                return "node " + leader.id() + " leads" + (leader.epoch() >= 0 ? " (epoch " + leader.epoch() + ")" : "")
                        + stepped();
            }
            case KILL_LEADER: {
                long id = progress(() -> cluster.resolve(new NodeRef.Leader(), timeout()), timeout());
                return down(id, true, "leader");
            }
            case KILL_NODE:
                return down(resolve(a.nodeArg("id")), true, null);
            case STOP_NODE:
                return down(resolve(a.nodeArg("id")), false, null);
            case START_NODE:
                return start(resolve(a.nodeArg("id")), false);
            case RESTART_NODE:
                return start(resolve(a.nodeArg("id")), true);
            case ADD_NODE: {
                MembershipChange c = progress(() -> cluster.launcher().addServer(-1, timeout()), timeout());
                joinTeaching(c.serverId());
                return "added node " + c.serverId() + ": " + reconfig(c) + stepped();
            }
            case REMOVE_NODE: {
                long id = resolve(a.nodeArg("id"));
                MembershipChange c = progress(() -> cluster.launcher().removeServer(id, timeout()), timeout());
                return "removed node " + id + ": " + reconfig(c) + ", node stopped" + stepped();
            }
            case PARTITION: {
                String groups = progress(() -> cluster.resolveGroups(a.textArg("groups"), timeout()), timeout());
                int applied = new AdminFaults(admin, cluster::adminEndpoints).partition(groups);
                String first = groups.substring(0, groups.indexOf('|'));
                return "partitioned " + groups.replace("|", " | ") + " (applied by " + applied + " nodes"
                        + (first.contains(",") ? "" : "; node " + first + " is cut off from the others") + ")";
            }
            case HEAL:
                return "healed every partition (" + new AdminFaults(admin, cluster::adminEndpoints).heal() + " nodes)";
            case WRITE:
                return clientOp(a, true);
            case READ:
                return clientOp(a, false);
            case SLOW_MOTION:
                return slowMotion(a.intArg("factor", 1));
            case PAUSE:
            case RESUME:
                return pause(a.type() == ActionType.PAUSE);
            case RUN_RECIPE:
                return runRecipe(a.textArg("recipe"), a.intArg("clients", 1));
            case AUTOSCALE: {
                String policy = a.textArg("policy");
                Duration t = timeout();
                return progress(() -> autoscaling.apply(policy, cluster.launcher(), t, this::joinTeaching),
                        t.plusSeconds(30));
            }
            case NOTE:
                return "narration only";
            default:
                throw new IllegalStateException("no implementation for " + a.type().lessonName());
        }
    }

    private String startCluster(int nodes) throws Exception {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("startCluster: nodes must be within 1.." + MAX_NODES + ", got " + nodes);
        }
        stopClients();
        ClusterLauncher l = cluster.openFresh(nodes);
        for (long id : l.members()) {
            l.start(id);
            if (teaching.active()) {
                // bring each node into slow motion before the next one starts, so the election is slowed
                cluster.awaitAdmin(id, timeout());
                teaching.applyTo(cluster.adminEndpoint(id));
            }
        }
        for (long id : l.members()) {
            cluster.awaitAdmin(id, timeout());
        }
        clusterListeners.forEach(c -> c.accept(l));
        return "started a fresh cluster of " + nodes + " nodes (ids " + l.members().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")" + teachingState();
    }

    private String down(long id, boolean kill, String role) {
        ClusterLauncher l = cluster.launcher();
        String mode = role != null ? role : modeOf(id);
        boolean wasRunning = kill ? l.kill(id) : l.stop(id);
        if (!wasRunning) {
            throw new IllegalStateException("node " + id + " was not running");
        }
        cluster.stopped(id);
        return (kill ? "killed node " : "stopped node ") + id + " (" + mode + ")" + (kill ? " with SIGKILL" : "");
    }

    private String start(long id, boolean restart) throws Exception {
        ClusterLauncher l = cluster.launcher();
        if (restart) {
            l.stop(id);
        }
        if (!l.start(id)) {
            throw new IllegalStateException("node " + id + " is already running");
        }
        cluster.awaitAdmin(id, timeout());
        joinTeaching(id);
        progress(() -> {
            l.awaitServing(id, timeout());
            return null;
        }, timeout());
        return (restart ? "restarted node " : "started node ") + id + "; it serves as " + modeOf(id) + stepped();
    }

    private String clientOp(LessonAction a, boolean write) throws Exception {
        String path = a.textArg("path");
        String data = write ? a.textArg("data") : null;
        NodeRef ref = a.nodeArg("node");
        Duration timeout = timeout();
        Long named = ref == null ? null : resolve(ref);
        long deadline = System.nanoTime() + timeout.toNanos();
        String result = progress(() -> {
            int lost = 0;
            while (true) {
                long id = named != null ? named : anyServingNode(remaining(deadline));
                if (named != null && !a.expectFailure()) {
                    // a node that just restarted or rejoined after a heal needs a moment before it serves
                    cluster.launcher().awaitServing(id, remaining(deadline));
                }
                String server = cluster.clientAddress(id);
                try {
                    String r = write ? ClientOps.write(server, path, data, timeout) : ClientOps.read(server, path, timeout);
                    return (write ? "wrote " + r + " through node " + id : "node " + id + " read " + r)
                            + (lost == 0 ? "" : " (after " + lost + " lost connection" + (lost == 1 ? "" : "s") + ")");
                } catch (KeeperException e) {
                    // a lesson that expects the failure wants to see it; otherwise ride out a
                    // transient loss (a node re-syncing on a busy machine) like any client would
                    if (a.expectFailure() || !ClientOps.isTransient(e) || System.nanoTime() > deadline) {
                        throw new IllegalStateException(ClientOps.reason(e) + " from node " + id, e);
                    }
                    lost++;
                    LOG.info("{} through node {} lost its connection ({}), retrying", write ? "write" : "read", id,
                            e.code());
                }
            }
        }, timeout.plusSeconds(5));
        return result + stepped();
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private long anyServingNode(Duration timeout) {
        LessonCluster.Leader leader = cluster.awaitLeader(timeout);
        List<Long> serving = cluster.launcher().status().stream().filter(s -> s.member() && s.serving())
                .map(NodeStatus::id).toList();
        return serving.isEmpty() ? leader.id() : serving.get(random.nextInt(serving.size()));
    }

    private String slowMotion(int factor) throws Exception {
        if (factor < 1 || factor > LessonSettings.MAX_FACTOR) {
            throw new IllegalArgumentException("slowMotion: factor must be within 1.." + LessonSettings.MAX_FACTOR
                    + ", got " + factor);
        }
        int effective = Math.min(factor, settings.maxSlowFactor());
        String capped = effective < factor ? " (asked " + factor + "x, capped at " + effective + "x for this run)" : "";
        String speed = effective == 1 ? "real time" : effective + "x slow motion (each quorum message held "
                + (effective - 1) * 10 + " ms, consensus clock " + effective + "x slower)";
        if (!cluster.running()) {
            teaching.speed(effective, List.of());
            return "the cluster will start in " + speed + capped;
        }
        int applied = teaching.speed(effective, cluster.adminEndpoints());
        return speed + " on " + applied + " nodes" + capped;
    }

    private String pause(boolean pause) throws Exception {
        if (!cluster.running()) {
            teaching.pause(pause, List.of());
            return pause ? "the cluster will start paused" : "the cluster will start running";
        }
        int applied = teaching.pause(pause, cluster.adminEndpoints());
        return pause ? "paused " + applied + " nodes: quorum messages wait until stepped"
                : "resumed " + applied + " nodes: held messages are delivered";
    }

    private String runRecipe(String recipe, int clients) throws Exception {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("runRecipe: clients must be within 1.." + MAX_CLIENTS + ", got " + clients);
        }
        if (recipeRunner == null) {
            recipeRunner = recipes.connect(cluster.launcher().connectString());
        }
        RecipeRunner r = recipeRunner;
        progress(() -> {
            r.start(recipe, clients);
            return null;
        }, timeout());
        // the clients connect in the background; wait until they all have a session (or give up on them)
        long deadline = System.nanoTime() + timeout().toNanos();
        progress(() -> {
            while (r.clientStates().stream().anyMatch(RECIPE_STARTING::equals) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(RECIPE_POLL_NANOS);
            }
            return null;
        }, timeout());
        Map<String, Long> states = new TreeMap<>(r.clientStates().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        if (states.keySet().equals(java.util.Set.of(RECIPE_STARTING))) {
            throw new IllegalStateException("none of the " + clients + " " + recipe + " clients got a session within "
                    + timeout().toSeconds() + " s");
        }
        return clients + " " + recipe + " clients running (" + states.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + "): " + r.headline();
    }

    /**
     * Brings a (re)started or added server into the lesson's speed and pause state; a refusal is
     * logged rather than failing an action whose real work (the node runs) succeeded.
     */
    private void joinTeaching(long id) {
        try {
            teaching.applyTo(cluster.adminEndpoint(id));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not put node {} into the lesson's teaching state: {}", id, e.getMessage());
        }
    }

    private long resolve(NodeRef ref) throws Exception {
        return progress(() -> cluster.resolve(ref, timeout()), timeout());
    }

    private <T> T progress(Callable<T> work, Duration timeout) throws Exception {
        return pump.await(work, timeout.plusSeconds(5), cluster::adminEndpoints);
    }

    private String stepped() {
        int n = pump.stepped();
        return n == 0 ? "" : " (paused: stepped " + n + " held messages)";
    }

    private String modeOf(long id) {
        return cluster.launcher().status().stream().filter(s -> s.id() == id).map(NodeStatus::mode).findFirst()
                .orElse("unknown");
    }

    private String teachingState() {
        if (!teaching.active()) {
            return "";
        }
        return teaching.paused() ? ", paused" + (teaching.factor() > 1 ? " at " + teaching.factor() + "x" : "")
                : ", in " + teaching.factor() + "x slow motion";
    }

    private Duration timeout() {
        return settings.timeoutAt(teaching.factor());
    }

    private static String reconfig(MembershipChange c) {
        return "reconfig committed config 0x" + Long.toHexString(c.configZxid()) + " (" + c.reconfigMillis() + " ms)";
    }

    private static long millisSince(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private void stopClients() {
        autoscaling.close();
        RecipeRunner r = recipeRunner;
        recipeRunner = null;
        if (r != null) {
            r.close();
        }
    }

    /**
     * Stops the recipe clients and the auto-scaler, then the lesson cluster. Not synchronized with
     * {@link #run}: closing while an action waits makes that action fail quickly instead of blocking
     * the caller (the console closes this on exit, from the UI thread).
     */
    @Override
    public void close() {
        try {
            stopClients();
        } finally {
            cluster.close();
            pump.close();
            admin.close();
        }
    }
}
