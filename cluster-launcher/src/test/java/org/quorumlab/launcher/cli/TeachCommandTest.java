package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.node.QuorumLabServer;

/** {@code quorumlab teach} against an in-process 3-node ensemble: pause, step a write through, resume. */
class TeachCommandTest {

    /** 1 s ticks allow 20 s sessions, so the client outlives its write's wait while paused. */
    private static final int TICK_TIME = 1000;

    @TempDir
    Path dir;

    private final List<QuorumLabServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(QuorumLabServer::close);
    }

    @Test
    void pauseStepAndResumeAWriteThroughTheCli() throws Exception {
        startEnsemble();
        String admins = servers.stream().map(s -> "127.0.0.1:" + s.adminPort()).collect(Collectors.joining(","));
        String clients = servers.stream().map(s -> "127.0.0.1:" + s.port()).collect(Collectors.joining(","));

        assertThatThrownBy(() -> teach("speed", "0", "--admin", admins))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..1000");
        assertThatThrownBy(() -> teach("drop", "x", "--admin", admins))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message id");
        assertThat(teach("state", "--admin", admins).lines()).hasSize(3)
                .allMatch(l -> l.contains("speed 1x, running, delay 0 ms, 0 held"));

        try (ZooKeeper zk = connect(clients)) {
            assertThat(teach("pause", "--admin", admins)).contains("server 1 ", "server 2 ", "server 3 ")
                    .doesNotContain("running");
            CompletableFuture<String> created = new CompletableFuture<>();
            zk.create("/stepped-by-cli", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                    (rc, path, ctx, name) -> created.complete(rc == 0 ? name : "rc " + rc), null);
            List<String> released = new ArrayList<>();
            for (int i = 0; i < 100 && !created.isDone(); i++) {
                await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(10)).until(() ->
                        created.isDone() || teach("state", "--admin", admins).contains("(held until stepped)"));
                if (!created.isDone()) {
                    released.add(teach("step", "--admin", admins));
                }
            }
            assertThat(created.get(10, TimeUnit.SECONDS)).isEqualTo("/stepped-by-cli");
            assertThat(String.join("", released)).contains("PROPOSAL", "ACK");
            assertThatThrownBy(() -> teach("drop", "7:1", "--admin", admins))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no held message 7:1");

            assertThat(teach("resume", "--admin", admins).lines()).hasSize(3).allMatch(l -> l.contains("running"));
            assertThat(teach("speed", "5", "--admin", admins).lines()).hasSize(3)
                    .allMatch(l -> l.contains("speed 5x, running, delay 40 ms"));
            teach("speed", "1", "--admin", admins);
            zk.create("/real-time-again", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
    }

    private static String teach(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TeachCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as("teach %s: %s", String.join(" ", args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private void startEnsemble() throws IOException {
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            specs.add(new QuorumServerSpec(id, "127.0.0.1", freePort(), freePort(), false, "127.0.0.1", freePort()));
        }
        for (QuorumServerSpec s : specs) {
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(TICK_TIME)
                    .clientPort(s.clientPort()).dataDir(dir.resolve("node" + s.id())).initLimit(10).syncLimit(5)
                    .skipAcl(true).adminPort(0);
            specs.forEach(b::addServer);
            servers.add(QuorumLabServer.start(b.build()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().allMatch(s ->
                s.mode().equals("leader") || s.mode().equals("follower")));
    }

    private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 20_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("could not connect to " + connectString);
        }
        return zk;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
