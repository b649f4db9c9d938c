package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.AdminToken;
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

    @Test
    void aWrongOrMissingTokenIsOneLineWithExitCode2AndChangesNothing() throws Exception {
        startEnsemble();
        String admins = servers.stream().map(s -> "127.0.0.1:" + s.adminPort()).collect(Collectors.joining(","));
        assertOneLineError(2, "admin token rejected", "teach", "pause", "--admin", admins, "--token", "not-the-token-0000");
        assertOneLineError(2, "admin token required", "teach", "pause", "--admin", admins);
        assertOneLineError(2, "admin token required", "fault", "heal", "--admin", admins);
        assertOneLineError(2, "admin token rejected", "events", "--admin", admins, "--token", "not-the-token-0000");
        assertOneLineError(2, "no admin token: " + dir.resolve("nowhere"), "fault", "heal", "--admin", admins,
                "--token-file", dir.resolve("nowhere").toString());
        assertOneLineError(2, "give the admin token once", "fault", "heal", "--admin", admins, "--token", "x",
                "--token-file", tokenFile().toString());
        assertOneLineError(2, "--token needs the admin token", "fault", "heal", "--admin", admins, "--token");
        assertThat(teach("state", "--admin", admins).lines()).hasSize(3).allMatch(l -> l.contains("running"));
        assertThat(run("fault", "heal", "--admin", admins, "--token", Files.readString(tokenFile()).strip()).rc())
                .isZero();
    }

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(int rc, String expected, String... args) {
        Run r = run(args);
        assertThat(r.rc()).as("quorumlab %s: %s", String.join(" ", args), r.err()).isEqualTo(rc);
        assertThat(r.err()).contains(expected).startsWith("quorumlab " + args[0] + ": ");
        assertThat(r.err().strip().lines().count()).as("one line: %s", r.err()).isEqualTo(1);
    }

    /** {@code quorumlab teach ARGS --token-file F}, F being the ensemble's token file, as a user would run it. */
    private String teach(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withToken = java.util.Arrays.copyOf(args, args.length + 2);
        withToken[args.length] = "--token-file";
        withToken[args.length + 1] = tokenFile().toString();
        int rc = TeachCommand.run(withToken, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as("teach %s: %s", String.join(" ", args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path tokenFile() {
        return dir.resolve("admin.token");
    }

    private void startEnsemble() throws IOException {
        Files.writeString(tokenFile(), "teach-command-test-token-0123456789\n");
        Files.setPosixFilePermissions(tokenFile(), PosixFilePermissions.fromString("rw-------"));
        AdminToken token = AdminToken.readFrom(tokenFile());
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            specs.add(new QuorumServerSpec(id, "127.0.0.1", freePort(), false, "127.0.0.1", freePort()));
        }
        for (QuorumServerSpec s : specs) {
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(TICK_TIME)
                    .clientPort(s.clientPort()).dataDir(dir.resolve("node" + s.id())).initLimit(10).syncLimit(5)
                    .skipAcl(true).adminPort(0).adminToken(token);
            specs.forEach(b::addServer);
            servers.add(QuorumLabServer.start(b.build()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().allMatch(s ->
                s.mode().equals("leader") || s.mode().equals("follower")));
    }

    private static ZooKeeper connect(String connectString) {
        return ZooKeeperClients.connect(connectString, 20_000, Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
