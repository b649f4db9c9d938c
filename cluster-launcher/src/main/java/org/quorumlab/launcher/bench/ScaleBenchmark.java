package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.node.JavaCommand;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * A big tree on real processes, one engine on a fresh 3-node ensemble: how fast N znodes are
 * created (pipelined asynchronous creates, {@link TreeLoader}); how long a clean stop and start of
 * every node takes until each serves with the whole tree again; how long a follower that was stopped
 * while M more znodes were created takes to catch up, and whether its leader sent it a diff or a
 * snapshot; and each node's resident memory and data directory after the load.
 *
 * <p>A phase that fails (a node out of memory at the default {@code -Xmx512m}, say) ends the run and
 * is reported as such, with the nodes whose logs show an {@code OutOfMemoryError}; later phases are
 * not reached.
 */
public final class ScaleBenchmark {

    /**
     * @param znodes      leaves created by the load
     * @param valueBytes  data of each leaf
     * @param missed      leaves created while one follower is stopped
     * @param sessions    client sessions of each batch of creates, spread over the serving nodes
     * @param outstanding asynchronous creates each session keeps in flight
     */
    public record Spec(int znodes, int valueBytes, int missed, int sessions, int outstanding) {

        public static final int DEFAULT_ZNODES = 1_000_000;
        public static final int DEFAULT_VALUE_BYTES = 100;
        public static final int DEFAULT_MISSED = 100_000;
        /** Below the client's 1 MiB packet limit with room for the request around it. */
        static final int MAX_VALUE_BYTES = 1_000_000;

        public Spec {
            if (znodes < 1) {
                throw new IllegalArgumentException("--znodes must be at least 1, got " + znodes);
            }
            if (valueBytes < 0 || valueBytes > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException("--value-bytes must be 0.." + MAX_VALUE_BYTES + ", got " + valueBytes);
            }
            if (missed < 0) {
                throw new IllegalArgumentException("--missed must be at least 0, got " + missed);
            }
            if (sessions < 1 || outstanding < 1) {
                throw new IllegalArgumentException("sessions and outstanding creates must be at least 1");
            }
        }

        /** The given sizes, created by 4 sessions with 1,000 creates each in flight. */
        public static Spec of(int znodes, int valueBytes, int missed) {
            return new Spec(znodes, valueBytes, missed, 4, 1000);
        }

        /**
         * How long a phase may take before it counts as failed: generous, growing with the tree (a
         * million znodes are loaded from disk, or sent whole to a follower, in well under this).
         */
        Duration phaseTimeout() {
            return Duration.ofSeconds(180 + ((long) znodes + missed) / 2000);
        }
    }

    /** The load: leaves created and failed, and the count every node held afterwards. */
    public record Load(long created, long failed, String firstError, long millis, double perSecond, int parents,
            long znodeCount) {
    }

    /** Each node after the load: resident memory and data directory (blocks used, and bytes its files claim). */
    public record Memory(Map<Long, Double> rssMiB, Map<Long, Double> dataDirMiB, Map<Long, Double> dataDirApparentMiB) {
        public Memory {
            rssMiB = Map.copyOf(rssMiB);
            dataDirMiB = Map.copyOf(dataDirMiB);
            dataDirApparentMiB = Map.copyOf(dataDirApparentMiB);
        }
    }

    /** Clean stop of every node, then start, until each serves with at least {@code znodeCount} znodes. */
    public record Restart(long stopMillis, long servingMillis, Map<Long, Long> perNodeMillis, long leader,
            long znodeCount) {
        public Restart {
            perNodeMillis = Map.copyOf(perNodeMillis);
        }
    }

    /** A follower stopped while {@code created} leaves were added, started, and caught up with its leader. */
    public record CatchUp(long follower, long leader, long created, long failed, long createMillis,
            double createsPerSecond, long catchUpMillis, long znodeCount, String syncMode) {
    }

    /**
     * Everything one engine did; a phase not reached is null and {@code failure} (null when every phase
     * ran) says which phase failed and why.
     */
    public record Result(Engine engine, Spec spec, String nodeJvmOptions, Map<String, String> loadBefore, Load load,
            Memory memory, Restart restart, CatchUp catchUp, String failure, List<Long> outOfMemory) {
        public Result {
            loadBefore = Collections.unmodifiableMap(new LinkedHashMap<>(loadBefore));
            outOfMemory = List.copyOf(outOfMemory);
        }

        public boolean complete() {
            return failure == null;
        }
    }

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SESSIONS_CONNECT = Duration.ofSeconds(60);
    /** A session none of whose creates is answered for this long has stalled (a node thrashing in GC, say). */
    private static final Duration STALL = Duration.ofSeconds(120);

    private final Consumer<String> progress;

    public ScaleBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Path dir, Engine engine, Spec spec) throws Exception {
        String name = engine.cliName();
        String jvm = String.join(" ", JavaCommand.current().jvmOptions());
        Map<String, String> loadBefore = new LinkedHashMap<>();
        Load load = null;
        Memory memory = null;
        Restart restart = null;
        CatchUp catchUp = null;
        String failure = null;
        List<Long> outOfMemory;
        // ZooKeeper's default tickTime, as the throughput suite uses: initLimit = 10 ticks must cover
        // sending a follower a million-znode snapshot, which 2 s (the launcher's 200 ms ticks) may not
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0, ThroughputBenchmark.TICK_TIME_MS)) {
            String phase = "startup";
            try {
                cluster.awaitQuorum(STARTUP);
                progress.accept(name + ": ensemble up in " + dir + ", nodes run with " + jvm);
                TreeLoader loader = new TreeLoader((long) spec.znodes() + spec.missed(), value(spec.valueBytes()),
                        spec.outstanding(), STALL, progress);
                phase = begin("load", name, loadBefore);
                load = load(cluster, loader, spec);
                phase = "memory";
                memory = memory(cluster);
                progress.accept(name + ": RSS MiB " + memory.rssMiB() + ", data dir MiB " + memory.dataDirMiB());
                phase = begin("restart", name, loadBefore);
                restart = restart(cluster, load.znodeCount(), spec);
                phase = begin("catch-up", name, loadBefore);
                catchUp = catchUp(cluster, loader, spec, engine);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // the failure is a finding (the issue asks whether a million znodes fit): report it, not a stack trace
                failure = phase + ": " + e.getMessage();
                progress.accept(name + ": " + phase + " FAILED: " + e.getMessage());
            }
            outOfMemory = outOfMemory(cluster);
            cluster.stopAll();
        }
        return new Result(engine, spec, jvm, loadBefore, load, memory, restart, catchUp, failure, outOfMemory);
    }

    private String begin(String phase, String name, Map<String, String> loadBefore) {
        String load = LoadAverage.read().text();
        loadBefore.put(phase, load);
        progress.accept(name + ": " + phase + " (load average " + load + ")");
        return phase;
    }

    /** Leaves of a fixed pseudo-random content: no engine gets to store compressible zeros. */
    static byte[] value(int bytes) {
        byte[] v = new byte[bytes];
        new Random(bytes).nextBytes(v);
        return v;
    }

    private Load load(ClusterLauncher cluster, TreeLoader loader, Spec spec) throws Exception {
        List<Long> ids = List.copyOf(cluster.members());
        // awaitQuorum returns once two servers serve; the third may still be syncing, and its count is read
        ServingWithTree.await(cluster, ids, 0, System.nanoTime(), STARTUP);
        long before = ServingWithTree.znodes(cluster, ids.get(0));
        TreeLoader.Outcome o;
        List<ZooKeeper> sessions = Sessions.openConnected(servers(cluster, ids), spec.sessions(), SESSIONS_CONNECT);
        try {
            loader.createParents(sessions.get(0));
            o = loader.createLeaves(sessions, 0, spec.znodes());
        } finally {
            Sessions.closeAll(sessions);
        }
        long expected = before + 1 + loader.parents() + o.created();
        // every node applied the load before anything is measured on it
        ServingWithTree.await(cluster, ids, expected, System.nanoTime(), spec.phaseTimeout());
        long count = ServingWithTree.znodes(cluster, cluster.leader().orElse(ids.get(0)));
        progress.accept(String.format(Locale.ROOT, "%s: %d znodes created in %.1f s (%.0f/s), %d failed%s; "
                + "zk_znode_count %d", cluster.engine().cliName(), o.created(), o.millis() / 1000.0, o.perSecond(),
                o.failed(), o.firstError() == null ? "" : " (first: " + o.firstError() + ")", count));
        return new Load(o.created(), o.failed(), o.firstError(), o.millis(), o.perSecond(), loader.parents(), count);
    }

    private static Memory memory(ClusterLauncher cluster) {
        Map<Long, Double> rss = new LinkedHashMap<>();
        Map<Long, Double> used = new LinkedHashMap<>();
        Map<Long, Double> apparent = new LinkedHashMap<>();
        ClusterLayout layout = new ClusterLayout(cluster.dir());
        for (long id : cluster.members()) {
            rss.put(id, ProcessStats.rssMiB(cluster.pid(id)));
            DiskUsage.Size size = DiskUsage.of(layout.dataDir(id));
            used.put(id, size.allocatedMiB());
            apparent.put(id, size.apparentMiB());
        }
        return new Memory(rss, used, apparent);
    }

    private Restart restart(ClusterLauncher cluster, long znodes, Spec spec) throws Exception {
        List<Long> ids = List.copyOf(cluster.members());
        long stopStart = System.nanoTime();
        cluster.stopAll();
        long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
        long start = System.nanoTime();
        cluster.startAll();
        ServingWithTree.Arrival a = ServingWithTree.await(cluster, ids, znodes, start, spec.phaseTimeout());
        progress.accept(cluster.engine().cliName() + ": stopped in " + stopMillis + " ms; every node serving with "
                + znodes + " znodes " + a.lastMillis() + " ms after the start " + a.millisById() + ", leader "
                + a.leader());
        return new Restart(stopMillis, a.lastMillis(), a.millisById(), a.leader(), znodes);
    }

    private CatchUp catchUp(ClusterLauncher cluster, TreeLoader loader, Spec spec, Engine engine) throws Exception {
        long leader = cluster.leader().orElseThrow(() -> new IllegalStateException("no leader after the restart"));
        long follower = cluster.members().stream().filter(id -> id != leader).findFirst().orElseThrow();
        List<Long> up = cluster.members().stream().filter(id -> id != follower).toList();
        cluster.stop(follower);
        TreeLoader.Outcome o;
        List<ZooKeeper> sessions = Sessions.openConnected(servers(cluster, up), spec.sessions(), SESSIONS_CONNECT);
        try {
            o = loader.createLeaves(sessions, spec.znodes(), (long) spec.znodes() + spec.missed());
        } finally {
            Sessions.closeAll(sessions);
        }
        long target = ServingWithTree.znodes(cluster, leader);
        Path leaderLog = new ClusterLayout(cluster.dir()).log(leader);
        long mark = SyncModeLog.mark(leaderLog);
        long start = System.nanoTime();
        cluster.start(follower);
        ServingWithTree.Arrival a = ServingWithTree.await(cluster, List.of(follower), target, start,
                spec.phaseTimeout());
        String mode = SyncModeLog.read(leaderLog, mark, follower, engine);
        progress.accept(String.format(Locale.ROOT, "%s: follower %d stopped, %d znodes created without it "
                + "(%.0f/s, %d failed); it served all %d znodes %d ms after its start (leader %d synced it by %s)",
                engine.cliName(), follower, o.created(), o.perSecond(), o.failed(), target, a.lastMillis(), leader,
                mode));
        return new CatchUp(follower, leader, o.created(), o.failed(), o.millis(), o.perSecond(), a.lastMillis(), target,
                mode);
    }

    private static List<String> servers(ClusterLauncher cluster, List<Long> ids) {
        return ids.stream().map(id -> cluster.host() + ":" + cluster.ports(id).client()).toList();
    }

    /** Nodes whose log shows an OutOfMemoryError (a JVM may throw it and limp on rather than exit). */
    static List<Long> outOfMemory(ClusterLauncher cluster) {
        List<Long> out = new ArrayList<>();
        ClusterLayout layout = new ClusterLayout(cluster.dir());
        for (long id : cluster.members()) {
            try {
                // ISO-8859-1 decodes any bytes; the marker is ASCII
                if (new String(Files.readAllBytes(layout.log(id)), StandardCharsets.ISO_8859_1)
                        .contains("OutOfMemoryError")) {
                    out.add(id);
                }
            } catch (IOException e) {
                // no log: nothing it could show
            }
        }
        return out;
    }
}
