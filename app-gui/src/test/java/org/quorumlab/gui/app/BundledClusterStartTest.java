package org.quorumlab.gui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.lessons.LessonSettings;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.NodeStatus;
import org.quorumlab.launcher.node.JavaCommand;
import org.quorumlab.launcher.node.PidFile;
import org.quorumlab.launcher.node.ProcessLiveness;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * The start path of {@code ./quorumlab} (the console with {@code --bundled}): {@link MainViewModel#startBundled}
 * starts the real 3-node cluster as processes, manages it and connects the console to it; and after a console
 * crashed (kill -9), whose launcher and node PID files then name dead processes, it takes the directory over
 * again, restarts the nodes on the same data and connects.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BundledClusterStartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final SerialExecutor executor = new SerialExecutor();
    private MainViewModel vm;
    private ClusterLauncher launcher;
    private Process crashedConsole;

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            executor.read(() -> {
                vm.disconnect();
                return null;
            });
        }
        if (launcher != null) {
            launcher.close();
        }
        if (crashedConsole != null) {
            crashedConsole.destroyForcibly();
        }
        executor.close();
    }

    @Test
    void startsTheBundledClusterManagesItAndConnectsAsSuper() throws Exception {
        Path cluster = dir.resolve("cluster");
        List<String> progress = progressOf(console());

        launcher = executor.read(() -> vm.startBundled(cluster, null)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(launcher.dir()).isEqualTo(cluster.toAbsolutePath().normalize());
        assertThat(new PidFile(new ClusterLayout(cluster).launcherPidFile()).recordedPid()).as("the console owns it")
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(launcher.members()).containsExactly(1L, 2L, 3L);
        for (long id : launcher.members()) {
            assertThat(ProcessLiveness.isRunning(launcher.pid(id))).as("node %d runs as a process", id).isTrue();
        }
        assertThat(executor.read(() -> vm.launcher())).isSameAs(launcher);
        assertThat(executor.read(() -> vm.adminEndpoints().get())).hasSize(3);
        ZkSession session = awaitConnected();
        assertThat(progress).contains("Starting 3 QuorumLab nodes…", "Quorum reached at " + launcher.connectString());

        try (ZooKeeper other = client(launcher.connectString())) {
            other.create("/locked", "only super reads this".getBytes(StandardCharsets.UTF_8),
                    new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", "nobody:AAAAAAAAAAAAAAAAAAAAAAAAAAA=")))),
                    CreateMode.PERSISTENT);
            // two sessions may be served by different members: each reads the other's write only after a sync
            sync(session.client(), "/locked");
            assertThat(new String(session.client().getData("/locked", false, null), StandardCharsets.UTF_8))
                    .as("the console's session is the super user of the cluster it started")
                    .isEqualTo("only super reads this");
            session.client().create("/from-console", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            sync(other, "/from-console");
            assertThat(other.exists("/from-console", false)).isNotNull();
        }
    }

    @Test
    void takesOverAfterTheConsoleCrashedAndItsPidFilesNameDeadProcesses() throws Exception {
        Path cluster = dir.resolve("cluster");
        ClusterLayout layout = new ClusterLayout(cluster);
        String connect = crashedConsoleStarted(cluster);
        try (ZooKeeper zk = client(connect)) {
            zk.create("/before-crash", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
        }
        Map<Long, Long> oldNodePids = new TreeMap<>();
        for (long id = 1; id <= 3; id++) {
            oldNodePids.put(id, new PidFile(layout.pidFile(id)).recordedPid());
        }
        assertThat(oldNodePids.values()).allMatch(ProcessLiveness::isRunning);

        crashedConsole.destroyForcibly();
        assertThat(crashedConsole.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await("the nodes exit with their launcher").atMost(Duration.ofSeconds(60))
                .until(() -> oldNodePids.values().stream().noneMatch(ProcessLiveness::isRunning));
        assertThat(new PidFile(layout.launcherPidFile()).recordedPid()).as("stale launcher.pid")
                .isEqualTo(crashedConsole.pid());
        assertThat(ProcessLiveness.isRunning(crashedConsole.pid())).isFalse();
        for (long id = 1; id <= 3; id++) {
            assertThat(new PidFile(layout.pidFile(id)).recordedPid()).as("stale pid file of node %d", id)
                    .isEqualTo(oldNodePids.get(id));
        }
        assertThat(ClusterLauncher.runningOwner(cluster)).as("a dead launcher owns nothing").isEmpty();

        List<String> progress = progressOf(console());
        launcher = executor.read(() -> vm.startBundled(cluster, null)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(progress).as("took the directory over instead of attaching to a dead launcher")
                .contains("Starting 3 QuorumLab nodes…").noneMatch(m -> m.startsWith("Attaching"));
        assertThat(new PidFile(layout.launcherPidFile()).recordedPid()).isEqualTo(ProcessHandle.current().pid());
        for (long id = 1; id <= 3; id++) {
            long pid = new PidFile(layout.pidFile(id)).recordedPid();
            assertThat(pid).as("node %d has a new process", id).isNotEqualTo(oldNodePids.get(id))
                    .isEqualTo(launcher.pid(id));
            assertThat(ProcessLiveness.isRunning(pid)).isTrue();
        }
        ZkSession session = awaitConnected();
        sync(session.client(), "/before-crash");
        assertThat(new String(session.client().getData("/before-crash", false, null), StandardCharsets.UTF_8))
                .as("the data written before the crash").isEqualTo("kept");
        await().atMost(TIMEOUT).until(() -> launcher.status().stream().allMatch(NodeStatus::serving));
    }

    @Test
    void aDirectoryItCannotRunIsReportedAsSuchNotAsAFailedAttach() throws Exception {
        Path cluster = dir.resolve("zookeeper-cluster");
        ClusterLauncher.open(cluster, 3, Engine.ZOOKEEPER, 0).close(); // configs only, nothing started
        List<String> progress = progressOf(console());

        var started = executor.read(() -> vm.startBundled(cluster, null));
        await().atMost(TIMEOUT).until(started::isDone);

        assertThat(started).isCompletedExceptionally();
        assertThat(progress).noneMatch(m -> m.startsWith("Attaching"));
        assertThat(executor.read(() -> vm.bundledProgressProperty().get())).isEqualTo("Could not start the bundled "
                + "cluster: " + cluster.toAbsolutePath().normalize() + " holds a zookeeper cluster; it cannot be run "
                + "with --engine quorumlab");
        assertThat(executor.read(() -> vm.launcher())).isNull();
        assertThat(new ClusterLayout(cluster).launcherPidFile()).doesNotExist();
    }

    // ------------------------------------------------------------------ helpers

    private MainViewModel console() {
        vm = new MainViewModel(executor, new ConnectionStore(dir.resolve("connections.json")),
                LessonSettings.forConsole(dir.resolve("lesson-cluster")));
        return vm;
    }

    private List<String> progressOf(MainViewModel model) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.read(() -> {
            model.bundledProgressProperty().addListener((o, a, b) -> seen.add(b));
            return null;
        });
        return seen;
    }

    private ZkSession awaitConnected() throws Exception {
        await("the console connects").atMost(Duration.ofSeconds(60)).until(() -> executor.read(() ->
                vm.workspaceProperty().get() != null && vm.stateProperty().get() == ZkSession.State.CONNECTED));
        Workspace w = executor.read(() -> vm.workspaceProperty().get());
        assertThat(executor.read(() -> vm.connectionTextProperty().get())).isEqualTo("bundled cluster");
        return w.session();
    }

    /** Runs {@link BundledClusterProcess} in its own JVM until it reports the cluster up; returns its connect string. */
    private String crashedConsoleStarted(Path cluster) throws Exception {
        List<String> cmd = JavaCommand.current().command(List.of(), BundledClusterProcess.class.getName(),
                List.of(cluster.toString()));
        Path log = dir.resolve("console.log");
        crashedConsole = new ProcessBuilder(cmd).redirectError(Redirect.to(log.toFile())).start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(crashedConsole.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line.substring("READY ".length());
                    }
                }
                return "exited: " + Files.readString(log);
            } catch (IOException e) {
                return "unreadable: " + e;
            }
        });
        String connect = ready.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(connect).startsWith("127.0.0.1:");
        return connect;
    }

    /** Brings the member serving {@code zk} up to date with the leader (ZooKeeper's sync). */
    private static void sync(ZooKeeper zk, String path) throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        zk.sync(path, (rc, p, ctx) -> done.complete(rc), null);
        assertThat(done.get(30, TimeUnit.SECONDS)).as("sync %s", path).isZero();
    }

    private static ZooKeeper client(String connect) {
        return ZooKeeperClients.connect(connect, 30_000, Duration.ofSeconds(30));
    }
}
