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

    /**
     * Measured figures of one engine. Per kill run: {@code failoverMillis} is the time to a first
     * write through a fresh session; the client's view is that of two sessions that stay connected
     * and write back to back, one on a surviving server and one on the killed leader (it has every
     * server in its connect string): the longest time without a successful write, and the errors.
     */
    public record Result(Engine engine, List<Long> failoverMillis, List<Long> reconfigMillis,
            List<Long> survivorGapMillis, List<Integer> survivorErrors, List<Long> movedGapMillis,
            List<Integer> movedErrors) {
    }

    /** Session timeout of the writers: the largest the ensemble allows at tickTime 200 (20 ticks). */
    static final int WRITER_SESSION_TIMEOUT_MS = 4000;

    private final Consumer<String> progress;

    public FailoverBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Path dir, Engine engine, int runs, int reconfigRuns) throws Exception {
        List<Long> failovers = new ArrayList<>();
        List<Long> reconfigs = new ArrayList<>();
        List<Long> survivorGaps = new ArrayList<>();
        List<Integer> survivorErrors = new ArrayList<>();
        List<Long> movedGaps = new ArrayList<>();
        List<Integer> movedErrors = new ArrayList<>();
        try (ClusterLauncher cluster = ClusterLauncher.launch(dir, 3, engine, 0)) {
            cluster.awaitQuorum(Duration.ofSeconds(120));
            writeOnce(cluster.connectString(), Duration.ofSeconds(60), true);
            for (int i = 1; i <= runs; i++) {
                long leader = awaitLeader(cluster);
                List<Long> rest = cluster.members().stream().filter(id -> id != leader).toList();
                String survivors = rest.stream().map(id -> "127.0.0.1:" + cluster.ports(id).client())
                        .collect(Collectors.joining(","));
                String leaderAddress = "127.0.0.1:" + cluster.ports(leader).client();
                try (ContinuousWriter onSurvivor = ContinuousWriter.open("127.0.0.1:" + cluster.ports(rest.get(0)).client(),
                        WRITER_SESSION_TIMEOUT_MS, PATH + "/s-");
                        ContinuousWriter onLeader = openOn(leaderAddress, cluster.connectString())) {
                    onSurvivor.start();
                    onLeader.start();
                    awaitWrites(onSurvivor, onLeader, 0);
                    long start = System.nanoTime();
                    cluster.kill(leader);
                    writeOnce(survivors, Duration.ofSeconds(60), false);
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    failovers.add(ms);
                    awaitWrites(onSurvivor, onLeader, start);
                    // a second of writes after both recovered, so a late stall would show
                    TimeUnit.SECONDS.sleep(1); // measurement window of the writers, not synchronisation
                    long end = System.nanoTime();
                    ContinuousWriter.View s = onSurvivor.view(start, end);
                    ContinuousWriter.View m = onLeader.view(start, end);
                    survivorGaps.add(s.longestGapMillis());
                    survivorErrors.add(s.errors());
                    movedGaps.add(m.longestGapMillis());
                    movedErrors.add(m.errors());
                    progress.accept(engine.cliName() + " failover run " + i + "/" + runs + ": leader " + leader
                            + " killed, first write (fresh session) after " + ms + " ms; writer on server " + rest.get(0)
                            + ": longest gap " + s.longestGapMillis() + " ms, " + s.errors() + " errors"
                            + (s.firstError() == null ? "" : " (" + s.firstError() + ")")
                            + "; writer on the killed leader: longest gap " + m.longestGapMillis() + " ms, "
                            + m.errors() + " errors");
                }
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
        return new Result(engine, failovers, reconfigs, survivorGaps, survivorErrors, movedGaps, movedErrors);
    }

    /** A writer whose session is on {@code server}, with every member in its connect string so it can move. */
    private static ContinuousWriter openOn(String server, String connect) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            ContinuousWriter w = ContinuousWriter.open(connect, WRITER_SESSION_TIMEOUT_MS, PATH + "/m-");
            if (w.server().equals(server)) {
                return w;
            }
            w.close();
        }
        throw new IllegalStateException("no session landed on " + server + " in 50 attempts");
    }

    /** Waits until both writers have written successfully after {@code sinceNanos} (at most 60 s). */
    private static void awaitWrites(ContinuousWriter a, ContinuousWriter b, long sinceNanos) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (a.successesAfter(sinceNanos) == 0 || b.successesAfter(sinceNanos) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a writer made no progress within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(5); // polling the writers' progress, not synchronisation
        }
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
