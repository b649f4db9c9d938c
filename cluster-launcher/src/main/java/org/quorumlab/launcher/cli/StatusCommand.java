package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.util.Set;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodeStatus;

/** {@code quorumlab status --dir D}: one line per node, then the connect string. */
public final class StatusCommand {

    private StatusCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliOptions o = CliOptions.parse(args, Set.of("--dir"));
            ClusterLauncher launcher = ClusterLauncher.attach(o.dir());
            out.println(launcher.engine().cliName() + " cluster in " + launcher.dir());
            print(launcher, out);
            out.println("connect: " + launcher.connectString());
            return 0;
        } catch (LauncherException e) {
            err.println("quorumlab status: " + e.getMessage());
            return 2;
        }
    }

    static void print(ClusterLauncher launcher, PrintStream out) {
        out.printf("%-4s %-8s %-12s %-7s %-7s %-8s %-7s %s%n", "ID", "PID", "MODE", "CLIENT", "QUORUM", "ELECTION",
                "ADMIN", "MEMBER");
        java.util.SortedSet<Long> observers = launcher.observers();
        for (NodeStatus n : launcher.status()) {
            out.printf("%-4d %-8s %-12s %-7d %-7d %-8d %-7s %s%n", n.id(), n.alive() ? Long.toString(n.pid()) : "-",
                    n.mode(), n.ports().client(), n.ports().quorum(), n.ports().election(),
                    n.ports().admin() > 0 ? Integer.toString(n.ports().admin()) : "-", !n.member() ? "no" : observers.contains(n.id()) ? "observer" : "yes");
        }
    }
}
