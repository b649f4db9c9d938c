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
import org.quorumlab.launcher.probe.FourLetterWord;

/**
 * Failover and membership figures on real processes: kill -9 the leader, time until a client
 * write succeeds again; then the time for an add-server reconfig to commit.
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
     * Waits until one of {@code connect}'s servers reports (four-letter word {@code srvr}) that it
     * serves again, then writes through a fresh single-host session; repeats until a write
     * succeeds. Asking the servers first keeps the official client's randomised reconnect back-off
     * (up to 1 s per failed attempt) out of the figure, which is about the ensemble.
     */
    static void writeOnce(String connect, Duration timeout, boolean create) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] data = Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            for (String host : connect.split(",")) {
                int colon = host.lastIndexOf(':');
                String mode = FourLetterWord.send(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)),
                        "srvr", 500).map(FourLetterWord::mode).orElse("");
                if ((mode.equals("leader") || mode.equals("follower")) && tryWrite(host, data, create)) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling external processes, not test synchronisation
        }
        throw new IllegalStateException("no successful write within " + timeout);
    }

    private static boolean tryWrite(String host, byte[] data, boolean create) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(host, 4000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(1, TimeUnit.SECONDS)) {
                return false;
            }
            if (create && zk.exists(PATH, false) == null) {
                zk.create(PATH, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } else {
                zk.setData(PATH, data, -1);
            }
            return true;
        } catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException retry) {
            return false;
        } finally {
            zk.close(100);
        }
    }
}
