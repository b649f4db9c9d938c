package org.quorumlab.gui.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;

/** Starts (or attaches to) the bundled 3-node QuorumLab cluster and waits for a quorum. Blocking. */
public final class BundledCluster {

    static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(90);

    private BundledCluster() {
    }

    /**
     * Opens {@code dir} as owner (reusing its ports and data), starts missing nodes and waits for a
     * quorum; when another launcher owns the directory, attaches to it instead. A new cluster's ports
     * bind {@code bind} (null: 127.0.0.1, this host only).
     */
    public static ClusterLauncher start(Path dir, String bind, Consumer<String> progress) {
        ClusterLauncher launcher;
        try {
            progress.accept("Opening the bundled cluster in " + dir + "…");
            launcher = ClusterLauncher.open(dir, 3, Engine.QUORUMLAB, 0, ClusterLauncher.TICK_TIME, 0, bind);
            progress.accept("Starting 3 QuorumLab nodes…");
            launcher.startAll();
        } catch (LauncherException e) {
            progress.accept("Attaching to the running cluster in " + dir + "…");
            launcher = ClusterLauncher.attach(dir);
        }
        progress.accept("Waiting for a quorum…");
        launcher.awaitQuorum(QUORUM_TIMEOUT);
        progress.accept("Quorum reached at " + launcher.connectString());
        return launcher;
    }
}
