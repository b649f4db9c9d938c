package org.quorumlab.engine.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;

/** Restart, snapshot + log replay, and SIGKILL: exactly the committed state comes back. */
class DurabilityTest {

    @TempDir
    Path dir;

    /** Path → data, stat and ACL of every node below {@code root}, read with super rights. */
    private static Map<String, String> dump(ZooKeeper zk, String root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Stat stat = new Stat();
        byte[] data = zk.getData(root, false, stat);
        out.put(root, new String(data == null ? new byte[0] : data, UTF_8) + " " + stat + " "
                + zk.getACL(root, new Stat()));
        for (String child : zk.getChildren(root, false)) {
            out.putAll(dump(zk, (root.equals("/") ? "" : root) + "/" + child));
        }
        return out;
    }

    private static ServerConfig config(Path dataDir) throws Exception {
        return ServerConfig.standalone(0, dataDir).toBuilder()
                .superDigest(DigestAuthenticationProvider.generateDigest("super:secret")).build();
    }

    private static ZooKeeper superClient(int port) throws Exception {
        ZooKeeper zk = Zk.connect(port);
        zk.addAuthInfo("digest", "super:secret".getBytes(UTF_8));
        return zk;
    }

    @Test
    void restartKeepsCommittedStateAndLiveSessions() throws Exception {
        Map<String, String> before;
        long sessionId;
        byte[] password;
        try (QuorumLabServer server = QuorumLabServer.start(config(dir))) {
            ZooKeeper owner = Zk.connect(server.port(), 30_000, e -> { });
            owner.addAuthInfo("digest", "alice:pw".getBytes(UTF_8));
            owner.create("/d", "root".getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            owner.create("/d/secret", "s".getBytes(UTF_8), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
            owner.create("/d/ip", null, Arrays.asList(new ACL(Perms.READ, new Id("ip", "127.0.0.1")),
                    new ACL(Perms.ALL, new Id("digest", DigestAuthenticationProvider.generateDigest("bob:pw")))),
                    CreateMode.PERSISTENT);
            for (int i = 0; i < 5; i++) {
                owner.setData("/d", ("v" + i).getBytes(UTF_8), i);
            }
            owner.create("/d/seq-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
            owner.create("/d/gone", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            owner.delete("/d/gone", 0);
            owner.setACL("/d/secret", Ids.CREATOR_ALL_ACL, 0);
            owner.create("/d/container", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            owner.create("/d/container/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            owner.create("/d/mine", "eph".getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            ZooKeeper closed = Zk.connect(server.port());
            closed.create("/d/closed", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            closed.close();
            sessionId = owner.getSessionId();
            password = owner.getSessionPasswd();
            ZooKeeper admin = superClient(server.port());
            before = dump(admin, "/d");
            admin.close();
            owner.getTestable().injectSessionExpiration(); // drop the handle locally: the session stays open
        }
        assertThat(before).containsKey("/d/mine").doesNotContainKey("/d/closed").doesNotContainKey("/d/gone");

        try (QuorumLabServer server = QuorumLabServer.start(config(dir))) {
            ZooKeeper admin = superClient(server.port());
            assertThat(dump(admin, "/d")).isEqualTo(before);
            ZooKeeper back = Zk.reattach(server.port(), 30_000, sessionId, password, e -> { });
            assertThat(back.getSessionId()).isEqualTo(sessionId);
            assertThat(back.exists("/d/mine", false).getEphemeralOwner()).isEqualTo(sessionId);
            assertThat(back.getEphemerals("/d")).containsExactly("/d/mine");
            back.create("/d/after", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertThat(admin.getChildren("/d", false)).contains("after", "mine", "seq-0000000002");
            back.close();
            assertThat(admin.exists("/d/mine", false)).isNull();
            admin.close();
        }
    }

    @Test
    void snapshotPlusLogReplayRestoresEveryOperation() throws Exception {
        ServerConfig cfg = config(dir).toBuilder().snapCount(50).build();
        Map<String, String> before;
        try (QuorumLabServer server = QuorumLabServer.start(cfg)) {
            ZooKeeper zk = Zk.connect(server.port());
            zk.create("/s", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            List<CompletableFuture<Integer>> acks = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                CompletableFuture<Integer> ack = new CompletableFuture<>();
                acks.add(ack);
                String node = "/s/n" + (i % 40);
                switch (i % 5) {
                    case 0, 1 -> zk.create(node, ("c" + i).getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT, (rc, p, c, n) -> ack.complete(rc), null);
                    case 2, 3 -> zk.setData(node, ("s" + i).getBytes(UTF_8), -1,
                            (rc, p, c, s) -> ack.complete(rc), null);
                    default -> zk.delete(node, -1, (rc, p, c) -> ack.complete(rc), null);
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            ZooKeeper admin = superClient(server.port());
            before = dump(admin, "/s");
            admin.close();
            zk.close();
        }
        try (SqliteStorage storage = SqliteStorage.open(dir)) {
            assertThat(storage.snapshots().latest()).as("snapCount=50 must have produced a snapshot").isPresent();
        }
        try (QuorumLabServer server = QuorumLabServer.start(cfg)) {
            ZooKeeper admin = superClient(server.port());
            assertThat(dump(admin, "/s")).isEqualTo(before);
            admin.close();
        }
        try (QuorumLabServer server = QuorumLabServer.start(cfg)) { // a second restart replays the same way
            ZooKeeper admin = superClient(server.port());
            assertThat(dump(admin, "/s")).isEqualTo(before);
            admin.close();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path dataDir = dir.resolve("data");
        Path childErr = dir.resolve("child.err");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), dataDir.toString())
                .redirectError(childErr.toFile()).start();
        int writers = 3;
        Map<String, Ack> acked = new ConcurrentHashMap<>();
        AtomicInteger ackCount = new AtomicInteger();
        List<ZooKeeper> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            int port = readPort(child, childErr);
            for (int t = 0; t < writers; t++) {
                ZooKeeper zk = Zk.connect(port);
                clients.add(zk);
                zk.create("/w" + t, "0".getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                acked.put("/w" + t, new Ack(0, "0"));
                threads.add(storm(zk, "/w" + t, acked, ackCount));
            }
            threads.forEach(Thread::start);
            await().atMost(Duration.ofSeconds(60)).until(() -> ackCount.get() >= 1500 || !child.isAlive());
            assertThat(child.isAlive()).as("child died early: %s", readQuietly(childErr)).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Map<String, Ack> snapshot = Map.copyOf(acked);
        for (Thread t : threads) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        for (ZooKeeper zk : clients) {
            zk.getTestable().injectSessionExpiration();
            zk.close();
        }
        assertThat(acked).as("nothing can be acknowledged by a dead server").isEqualTo(snapshot);

        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dataDir))) {
            ZooKeeper zk = Zk.connect(server.port());
            for (Map.Entry<String, Ack> e : snapshot.entrySet()) {
                Stat stat = new Stat();
                byte[] data = zk.getData(e.getKey(), false, stat);
                assertThat(stat.getVersion()).as("version of %s", e.getKey()).isGreaterThanOrEqualTo(e.getValue().version());
                if (stat.getVersion() == e.getValue().version()) {
                    assertThat(new String(data, UTF_8)).as("data of %s", e.getKey()).isEqualTo(e.getValue().data());
                }
            }
            zk.close();
        }
    }

    /** What a successful callback reported: the version the write produced and the data it wrote. */
    private record Ack(int version, String data) {
        static Ack newer(Ack a, Ack b) {
            return a.version() >= b.version() ? a : b;
        }
    }

    /** Pipelined async writes from one client: setData on {@code node} and creates below it. */
    private static Thread storm(ZooKeeper zk, String node, Map<String, Ack> acked, AtomicInteger ackCount) {
        Thread t = new Thread(() -> {
            Semaphore window = new Semaphore(100);
            try {
                for (int i = 1; !Thread.currentThread().isInterrupted(); i++) {
                    window.acquire();
                    String data = node + "#" + i;
                    if (i % 4 == 0) {
                        String path = node + "/c" + i;
                        zk.create(path, data.getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                                (rc, p, c, n, s) -> {
                                    if (rc == 0) {
                                        acked.put(path, new Ack(s.getVersion(), data));
                                        ackCount.incrementAndGet();
                                    }
                                    window.release();
                                }, null, -1);
                    } else {
                        zk.setData(node, data.getBytes(UTF_8), -1, (rc, p, c, s) -> {
                            if (rc == 0) {
                                acked.merge(node, new Ack(s.getVersion(), data), Ack::newer);
                                ackCount.incrementAndGet();
                            }
                            window.release();
                        }, null);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "storm" + node);
        t.setDaemon(true);
        return t;
    }

    private static int readPort(Process child, Path childErr) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(DurabilityChild.PORT)) {
                Thread drain = new Thread(() -> in.lines().forEach(l -> { }), "child-stdout");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(DurabilityChild.PORT.length()).trim());
            }
        }
        throw new AssertionError("child exited without a port: " + readQuietly(childErr));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
