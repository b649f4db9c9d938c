package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;

/**
 * {@code quorumlab cluster --nodes N --dir D [--engine quorumlab|zookeeper] [--base-port P]}:
 * starts (or resumes) the ensemble, waits for a quorum, prints the connect string and runs until
 * Ctrl-C, which stops the nodes cleanly.
 */
public final class ClusterCommand {

    static final Set<String> OPTIONS = Set.of("--nodes", "--dir", "--engine", "--base-port");

    private ClusterCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        ClusterLauncher launcher;
        try {
            CliOptions o = CliOptions.parse(args, OPTIONS);
            if (!o.positional().isEmpty()) {
                throw new LauncherException("unexpected argument '" + o.positional().get(0) + "'");
            }
            launcher = ClusterLauncher.launch(o.dir(), o.intOption("--nodes", 3),
                    Engine.parse(o.get("--engine", "quorumlab")), o.intOption("--base-port", 0));
        } catch (LauncherException e) {
            err.println("quorumlab cluster: " + e.getMessage());
            return 2;
        }
        try {
            launcher.awaitQuorum(ClusterLauncher.DEFAULT_TIMEOUT);
        } catch (LauncherException e) {
            err.println("quorumlab cluster: " + e.getMessage());
            launcher.close();
            return 2;
        }
        StatusCommand.print(launcher, out);
        out.println("connect: " + launcher.connectString());
        out.println("Running; Ctrl-C stops the cluster.");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
