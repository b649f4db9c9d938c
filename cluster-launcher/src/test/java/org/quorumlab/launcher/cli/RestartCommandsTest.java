package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.NodeStatus;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * {@code node start} of a node that cannot reach a quorum returns once it is up, and
 * {@code cluster restart} brings a crashed cluster back all at once, on real node processes.
 */
class RestartCommandsTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private ClusterLauncher owner;

    @AfterEach
    void stop() {
        if (owner != null) {
            owner.close();
        }
    }

    @Test
    void nodeStartWithoutQuorumReturnsAndClusterRestartStartsEveryNode() throws Exception {
        // The owner stays open so that nodes the commands start exit with this JVM.
        owner = ClusterLauncher.open(dir, 3, Engine.QUORUMLAB, 0);

        Result start = run(NodeCommand::run, "start", "1", "--dir", dir.toString());
        assertThat(start.rc()).as(start.err()).isZero();
        assertThat(start.out()).contains("node 1 is up, waiting for quorum: 1 of 3 voters up");
        assertThat(owner.isRunning(1)).isTrue();

        // Node 2 "crashed" leaving a PID file that names a process that is gone.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stalePid = new ClusterLayout(dir).pidFile(2);
        Files.writeString(stalePid, gone.pid() + "\n0\n");

        Result restart = run(ClusterCommand::run, "restart", "--dir", dir.toString());
        assertThat(restart.rc()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("restarted nodes [1, 2, 3] (stopped [1] first)")
                .contains("quorum serving after").contains("connect: 127.0.0.1:");
        // The command returns once a quorum serves a write; the third node may still be syncing.
        assertThat(owner.status().stream().filter(NodeStatus::serving).count()).isGreaterThanOrEqualTo(2);
        assertThat(owner.leader()).isPresent();
        await().atMost(Duration.ofSeconds(90)).until(() -> owner.status().stream().allMatch(NodeStatus::serving));
        assertThat(Files.readString(stalePid)).doesNotStartWith(gone.pid() + "\n");
    }

    @Test
    void restartOfAnUnknownDirectoryIsOneLineWithExitCode2() {
        Result r = run(ClusterCommand::run, "restart", "--dir", dir.resolve("nothing-here").toString());
        assertThat(r.rc()).isEqualTo(2);
        assertThat(r.err()).startsWith("quorumlab cluster restart: no cluster in").endsWith("\n");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    private record Result(int rc, String out, String err) {
    }

    private static Result run(CliErrorsTest.Command c, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            rc = c.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
