package org.quorumlab.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.MembershipChange;

/**
 * Failover and membership figures on real processes: kill -9 the leader, time until a client
 * write succeeds again (a fresh client per attempt, so the official client's randomised reconnect
 * back-off does not inflate the figure); then the time for an add-server reconfig to commit.
 */
public final class FailoverBenchmark {

    private static final String PATH = "/bench-failover";

    /** Measured figures of one engine. */
    public record Result(Engine engine, List<Long> failoverMillis, List<Long> reconfigMillis) {
    }

    private final Consumer<String> progress;

    public FailoverBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Path dir, Engine engine, int runs, int reconfigRuns) throws Exception {
        List<Long> failovers = new ArrayList<>();
        List<Long> reconfigs = new ArrayList<>();
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0)) {
            cluster.awaitQuorum(Duration.ofSeconds(120));
            writeOnce(cluster.connectString(), Duration.ofSeconds(60), true);
            for (int i = 1; i <= runs; i++) {
                long leader = awaitLeader(cluster);
                String survivors = cluster.members().stream().filter(id -> id != leader)
                        .map(id -> "127.0.0.1:" + cluster.ports(id).client()).collect(Collectors.joining(","));
                long start = System.nanoTime();
                cluster.kill(leader);
                writeOnce(survivors, Duration.ofSeconds(60), false);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                failovers.add(ms);
                progress.accept(engine.cliName() + " failover run " + i + "/" + runs + ": leader " + leader
                        + " killed, first write after " + ms + " ms");
                cluster.start(leader);
                cluster.awaitServing(leader, Duration.ofSeconds(120));
            }
            for (int i = 1; i <= reconfigRuns; i++) {
                MembershipChange added = cluster.addServer();
                reconfigs.add(added.reconfigMillis());
                progress.accept(engine.cliName() + " add-server run " + i + "/" + reconfigRuns + ": server "
                        + added.serverId() + " committed in " + added.reconfigMillis() + " ms");
                cluster.removeServer(added.serverId());
            }
            cluster.stopAll();
        }
        return new Result(engine, failovers, reconfigs);
    }

    private static long awaitLeader(ClusterLauncher cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            var leader = cluster.leader();
            if (leader.isPresent()) {
                return leader.get();
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling an external process's state, not test synchronisation
        }
        throw new IllegalStateException("no leader within 120 s");
    }

    /**
     * Retries with fresh sessions, one server at a time, until one setData (or create) succeeds. A
     * fresh single-host client per attempt avoids the official client's random reconnect back-off
     * (up to 1 s), which would otherwise dominate the figure.
     */
    static void writeOnce(String connect, Duration timeout, boolean create) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] data = Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String[] hosts = connect.split(",");
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String host = hosts[attempt % hosts.length];
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper zk = new ZooKeeper(host, 4000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                if (connected.await(250, TimeUnit.MILLISECONDS)) {
                    if (create && zk.exists(PATH, false) == null) {
                        zk.create(PATH, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    } else {
                        zk.setData(PATH, data, -1);
                    }
                    return;
                }
            } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException retry) {
                // this server is not serving yet; try the next one with a new session
            } finally {
                zk.close(100);
            }
        }
        throw new IllegalStateException("no successful write within " + timeout);
    }
}
