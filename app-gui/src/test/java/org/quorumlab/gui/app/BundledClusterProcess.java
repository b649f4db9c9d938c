package org.quorumlab.gui.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.quorumlab.launcher.ClusterLauncher;

/**
 * A console process reduced to its bundled-cluster start: starts the cluster in {@code args[0]} as the
 * console does, prints {@code READY <connect string>} and runs until it is killed. Tests kill it with
 * SIGKILL to leave behind what a crashed console leaves: PID files of processes that no longer exist.
 */
public final class BundledClusterProcess {

    private BundledClusterProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ClusterLauncher launcher = BundledCluster.start(Path.of(args[0]), null, m -> System.err.println("progress: " + m));
        System.out.println("READY " + launcher.connectString());
        System.out.flush();
        new CountDownLatch(1).await(); // until killed
    }
}
