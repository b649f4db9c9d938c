package org.quorumlab.gui.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/** Starts (or attaches to) the bundled 3-node QuorumLab cluster and waits for a quorum. Blocking. */
public final class BundledCluster {

    static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(90);

    private BundledCluster() {
    }

    /**
     * Opens {@code dir} as owner (reusing its ports and data; PID files of processes that have exited
     * are ignored), starts missing nodes and waits for a quorum; when another running launcher owns
     * the directory, attaches to it instead. A failure is reported as it is (an owned cluster that
     * does not come up is stopped again), never hidden behind an attempt to attach. A new cluster's
     * ports bind {@code bind} (null: 127.0.0.1, this host only).
     */
    public static ClusterLauncher start(Path dir, String bind, Consumer<String> progress) {
        progress.accept("Opening the bundled cluster in " + dir + "…");
        Optional<ProcessHandle> owner = ClusterLauncher.runningOwner(dir);
        ClusterLauncher launcher;
        if (owner.isPresent()) {
            progress.accept("Attaching to the cluster that launcher process " + owner.get().pid() + " runs in " + dir + "…");
            launcher = ClusterLauncher.attach(dir);
        } else {
            launcher = ClusterLauncher.open(dir, 3, Engine.QUORUMLAB, 0, ClusterLauncher.TICK_TIME, 0, bind);
        }
        try {
            if (owner.isEmpty()) {
                progress.accept("Starting 3 QuorumLab nodes…");
                launcher.startAll();
            }
            progress.accept("Waiting for a quorum…");
            launcher.awaitQuorum(QUORUM_TIMEOUT);
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
        progress.accept("Quorum reached at " + launcher.connectString());
        return launcher;
    }
}
