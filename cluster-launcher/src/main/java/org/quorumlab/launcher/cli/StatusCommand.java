package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.util.Set;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
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
            out.println(launcher.engine().cliName() + " cluster in " + launcher.dir() + ", ports on "
                    + launcher.bindAddress());
            print(launcher, out);
            out.println("connect: " + launcher.connectString());
            return 0;
        } catch (LauncherException e) {
            err.println("quorumlab status: " + e.getMessage());
            return 2;
        }
    }

    /**
     * One line per node. The ELECTION column is shown for ZooKeeper clusters only: QuorumLab nodes
     * elect over the quorum port and have no election port.
     */
    static void print(ClusterLauncher launcher, PrintStream out) {
        boolean election = launcher.engine() == Engine.ZOOKEEPER;
        out.printf("%-4s %-8s %-12s %-7s %-7s %s%-7s %s%n", "ID", "PID", "MODE", "CLIENT", "QUORUM",
                election ? String.format("%-8s ", "ELECTION") : "", "ADMIN", "MEMBER");
        java.util.SortedSet<Long> observers = launcher.observers();
        for (NodeStatus n : launcher.status()) {
            out.printf("%-4d %-8s %-12s %-7d %-7d %s%-7s %s%n", n.id(), n.alive() ? Long.toString(n.pid()) : "-",
                    n.mode(), n.ports().client(), n.ports().quorum(),
                    election ? String.format("%-8d ", n.ports().election()) : "",
                    n.ports().admin() > 0 ? Integer.toString(n.ports().admin()) : "-",
                    !n.member() ? "no" : observers.contains(n.id()) ? "observer" : "yes");
        }
    }
}
