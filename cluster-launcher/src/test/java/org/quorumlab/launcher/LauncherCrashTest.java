package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.node.JavaCommand;
import org.quorumlab.launcher.node.ProcessLiveness;

/** kill -9 of the launcher JVM leaves no node process behind. */
class LauncherCrashTest {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    Process launcherProcess;
    final List<Long> nodePids = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (launcherProcess != null) {
            launcherProcess.destroyForcibly();
        }
        nodePids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void nodesDieWithTheLauncher() throws Exception {
        Path clusterDir = dir.resolve("cluster");
        List<String> cmd = JavaCommand.current().command(List.of(), "org.quorumlab.launcher.cli.Main",
                List.of("cluster", "--nodes", "3", "--dir", clusterDir.toString()));
        launcherProcess = new ProcessBuilder(cmd).redirectError(Redirect.to(dir.resolve("launcher.log").toFile())).start();
        CompletableFuture<String> connectLine = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(launcherProcess.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("connect: ")) {
                        return line;
                    }
                }
                return "launcher exited: " + Files.readString(dir.resolve("launcher.log"));
            } catch (java.io.IOException e) {
                return "launcher output failed: " + e;
            }
        });
        assertThat(connectLine.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).startsWith("connect: 127.0.0.1:");

        ClusterLauncher attached = ClusterLauncher.attach(clusterDir);
        for (long id = 1; id <= 3; id++) {
            long pid = Long.parseLong(Files.readString(clusterDir.resolve("node" + id).resolve("pid")).trim().split("\\s+")[0]);
            assertThat(ProcessLiveness.isRunning(pid)).as("node %d running", id).isTrue();
            nodePids.add(pid);
        }
        assertThat(attached.status()).allMatch(NodeStatus::serving);

        long killedAt = System.nanoTime();
        launcherProcess.destroyForcibly();
        assertThat(launcherProcess.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> nodePids.stream().noneMatch(ProcessLiveness::isRunning));
        System.out.printf("ORPHANS: all node processes gone %d ms after kill -9 of the launcher%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));

        assertThat(attached.status()).allMatch(n -> !n.alive() && n.mode().equals("down"));
        for (long id = 1; id <= 3; id++) {
            assertThat(clusterDir.resolve("node" + id).resolve("pid")).doesNotExist();
        }
    }
}
