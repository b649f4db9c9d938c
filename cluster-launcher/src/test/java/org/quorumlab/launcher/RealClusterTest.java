package org.quorumlab.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** Base for tests that run a 3-node cluster of real processes in a temp dir, stopped after each test. */
abstract class RealClusterTest {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    ClusterLauncher launcher;

    /** Launches three nodes of {@code engine} and waits until a quorum serves. */
    void startCluster(Engine engine) {
        launcher = ClusterLauncher.launch(dir, 3, engine, 0);
        launcher.awaitQuorum(TIMEOUT);
    }

    @AfterEach
    void stopCluster() {
        if (launcher != null) {
            launcher.close();
        }
    }
}
