package org.quorumlab.launcher.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/**
 * One chaos run: a fresh 3-node cluster of processes (ports from the launcher's allocator,
 * tickTime 200, sessions up to {@link ChaosClient#SESSION_TIMEOUT_MS}), the clients working while
 * the seeded nemesis acts for {@code chaos}, then healing, a check that the clients make progress
 * again, the clients stopped, the final state read from every member, and the whole checked. Everything that goes wrong ends up in the report's
 * violations; nothing is retried or skipped.
 */
final class ChaosRun {

    private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(90);
    /** Acknowledged writes issued after healing that show the clients are served again. */
    private static final int PROGRESS_AFTER_HEAL = 10;
    /** How long one generation of register keys is used (see {@link ChaosWorkload}). */
    private static final Duration KEY_GENERATION = Duration.ofSeconds(5);

    /**
     * What one run does.
     *
     * @param seed         the seed of the nemesis plan and the clients' operation choices
     * @param kinds        the fault kinds the nemesis draws from
     * @param chaos        how long faults are injected
     * @param clients      client sessions working concurrently
     * @param registers    register keys
     * @param opsPerSecond each client's rate
     * @param gapMillis    quiet gap before each fault, bounds [min, max]
     * @param faultMillis  how long each fault lasts, bounds [min, max]
     * @param minSteps     faults injected at the least, however long they take: the chaos period is
     *                     extended (up to its 5-minute bound) until the plan's first minSteps steps have
     *                     been injected, so a slow machine delays them instead of skipping them
     */
    record Settings(long seed, Set<NemesisPlan.Kind> kinds, Duration chaos, int clients, int registers,
            double opsPerSecond, long[] gapMillis, long[] faultMillis, int minSteps) {

        /** The CI and soak defaults for a run of {@code chaos}. */
        static Settings of(long seed, Set<NemesisPlan.Kind> kinds, Duration chaos) {
            return of(seed, kinds, chaos, 0);
        }

        /** {@link #of(long, Set, Duration)} that injects at least the plan's first {@code minSteps} steps. */
        static Settings of(long seed, Set<NemesisPlan.Kind> kinds, Duration chaos, int minSteps) {
            return new Settings(seed, kinds, chaos, 5, 3, 40, new long[] {1000, 3000}, new long[] {1500, 5000},
                    minSteps);
        }

        NemesisPlan plan() {
            int steps = (int) (chaos.toMillis() / (gapMillis[0] + faultMillis[0])) + 1;
            return NemesisPlan.generate(seed, kinds, steps, gapMillis[0], gapMillis[1], faultMillis[0], faultMillis[1]);
        }
    }

    private ChaosRun() {
    }

    /** Runs in {@code dir} (the cluster's directory); the history is written to {@code historyDir} when a check fails. */
    static ChaosReport run(Path dir, Settings s, Path historyDir) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        NemesisPlan plan = s.plan();
        System.out.println("CHAOS seed " + s.seed() + " plan: " + plan.steps());
        ChaosWorkload workload = ChaosWorkload.of(s.registers(), s.chaos(), KEY_GENERATION);
        List<String> violations = new ArrayList<>();
        try (ClusterLauncher launcher = ClusterLauncher.launch(dir, 3, Engine.QUORUMLAB, 0, ClusterLauncher.TICK_TIME,
                ChaosClient.SESSION_TIMEOUT_MS)) {
            launcher.awaitQuorum(CLUSTER_TIMEOUT);
            createZnodes(launcher.connectString(), workload);

            History history = new History();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(s.clients(), r -> {
                Thread t = new Thread(r, "chaos-client");
                t.setDaemon(true);
                return t;
            });
            List<ChaosClient> clients = new ArrayList<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                ChaosClient client = new ChaosClient(c, s.seed(), launcher::connectString, workload, history,
                        s.opsPerSecond(), running);
                clients.add(client);
                futures.add(pool.submit(client));
            }
            Nemesis nemesis = new Nemesis(launcher, plan, history);
            nemesis.start(s.chaos(), s.minSteps());
            if (!nemesis.awaitChaosOver(s.chaos().plusMinutes(5))) {
                violations.add("the nemesis did not finish within " + s.chaos().plusMinutes(5));
            }
            try {
                nemesis.stopAndHeal();
                long healedAt = history.now();
                awaitProgress(history, healedAt, violations);
            } catch (RuntimeException e) {
                violations.add("the cluster did not recover after healing: " + e.getMessage());
            }
            running.set(false);
            pool.shutdown();
            collectClientFailures(futures, violations);

            FinalState end = violations.isEmpty() ? FinalReads.read(launcher, workload, history) : null;
            List<ChaosOp> ops = history.ops();
            List<ChaosChecker.KeyCheck> keyChecks = List.of();
            int expired = clients.stream().mapToInt(ChaosClient::sessions).sum() - s.clients();
            if (expired > 0) {
                violations.add(expired + " client sessions expired (SESSIONEXPIRED); ZooKeeper keeps sessions across "
                        + "these faults (issue 12 target: sessions kept across failover and whole-cluster restarts)");
            }
            if (end != null) {
                ChaosChecker.Verdict verdict = ChaosChecker.check(ops, workload.keys(), end);
                violations.addAll(verdict.violations());
                keyChecks = verdict.keys();
            }
            if (!violations.isEmpty()) {
                writeHistory(historyDir.resolve("history-" + s.seed() + ".txt"), ops, end, nemesis.events());
            }
            return new ChaosReport(s, started, (System.nanoTime() - t0) / 1_000_000, plan.steps(),
                    ChaosReport.count(ops), ChaosReport.errors(ops),
                    clients.stream().mapToInt(ChaosClient::sessions).sum(), nemesis.events(), nemesis.faults(),
                    keyChecks, violations);
        }
    }

    /**
     * Creates the run's znodes before any history is recorded. A fresh cluster on a busy machine
     * may still change leader here (see the report), so each create is repeated on connection
     * loss until it exists; this is set-up, not part of what is checked.
     */
    private static void createZnodes(String connect, ChaosWorkload workload) {
        ZooKeeper zk = ZooKeeperClients.connect(connect, CLUSTER_TIMEOUT);
        try {
            List<String> paths = new ArrayList<>(List.of("/chaos", workload.queue()));
            paths.addAll(workload.keys());
            for (String path : paths) {
                byte[] data = path.equals("/chaos") || path.equals(workload.queue()) ? new byte[0]
                        : "0".getBytes(StandardCharsets.UTF_8);
                await("create " + path).atMost(CLUSTER_TIMEOUT).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptionsInstanceOf(KeeperException.ConnectionLossException.class)
                        .until(() -> createIfAbsent(zk, path, data));
            }
        } finally {
            ZooKeeperClients.closeQuietly(zk);
        }
    }

    private static boolean createIfAbsent(ZooKeeper zk, String path, byte[] data) throws Exception {
        try {
            zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException alreadyCreated) {
            // an earlier attempt whose reply was lost
        }
        return true;
    }

    private static void awaitProgress(History history, long healedAt, List<String> violations) {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> history.ops().stream().filter(o -> o.call() > healedAt && o.outcome() == Outcome.OK
                            && (o.type() == OpType.WRITE || o.type() == OpType.CAS || o.type() == OpType.ENQUEUE))
                            .count() >= PROGRESS_AFTER_HEAL);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            violations.add("fewer than " + PROGRESS_AFTER_HEAL + " writes were acknowledged in the 30 s after healing");
        }
    }

    private static void collectClientFailures(List<Future<?>> futures, List<String> violations)
            throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                violations.add("a client failed: " + e.getCause());
            } catch (TimeoutException e) {
                violations.add("a client did not stop within 60 s");
                f.cancel(true);
            }
        }
    }

    private static void writeHistory(Path file, List<ChaosOp> ops, FinalState end, List<Nemesis.Event> events) {
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            events.forEach(e -> lines.add("NEMESIS " + e));
            ops.forEach(o -> lines.add(o.toString()));
            if (end != null) {
                end.servers().forEach(s -> lines.add("FINAL server " + s.server() + " " + s.registers() + " queue "
                        + s.queue().values().stream().collect(Collectors.joining(","))));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
            System.out.println("CHAOS history written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
