package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.MembershipChange;
import org.quorumlab.launcher.NodeStatus;

/**
 * {@code quorumlab node add [ID] [--observer] | remove ID | stop ID | kill ID | start ID | restart ID |
 * rolling-restart --dir D}, acting on a cluster another launcher process runs.
 */
public final class NodeCommand {

    static final String USAGE = "node add [ID] [--observer] | remove ID | stop ID | kill ID | start ID | restart ID | "
            + "rolling-restart  --dir D";

    private NodeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            boolean observer = List.of(args).contains("--observer");
            CliOptions o = CliOptions.parse(List.of(args).stream().filter(a -> !a.equals("--observer"))
                    .toArray(String[]::new), Set.of("--dir"));
            List<String> p = o.positional();
            if (p.isEmpty()) {
                throw new LauncherException("usage: quorumlab " + USAGE);
            }
            String action = p.get(0);
            if (!List.of("add", "remove", "stop", "kill", "start", "restart", "rolling-restart").contains(action)) {
                throw new LauncherException("unknown node action '" + action + "' (expected " + USAGE + ")");
            }
            boolean needsId = !action.equals("add") && !action.equals("rolling-restart");
            if (needsId ? p.size() != 2 : p.size() > (action.equals("add") ? 2 : 1)) {
                throw new LauncherException("usage: quorumlab node " + action + (needsId ? " ID" : "") + " --dir D");
            }
            if (observer && !action.equals("add")) {
                throw new LauncherException("--observer only goes with 'node add'");
            }
            long id = p.size() > 1 ? CliOptions.id(p.get(1)) : -1;
            ClusterLauncher launcher = ClusterLauncher.attach(o.dir());
            if (action.equals("add")) {
                MembershipChange c = observer ? launcher.addObserver(id, ClusterLauncher.DEFAULT_TIMEOUT)
                        : launcher.addServer(id, ClusterLauncher.DEFAULT_TIMEOUT);
                out.printf("added " + (observer ? "observer" : "server") + " %d (config version 0x%x, reconfig %d ms, total %d ms)%n", c.serverId(),
                        c.configZxid(), c.reconfigMillis(), c.totalMillis());
                out.println("connect: " + launcher.connectString());
                return 0;
            }
            if (action.equals("rolling-restart")) {
                List<Long> order = launcher.rollingRestart();
                out.println("restarted " + order + " (leader last); connect: " + launcher.connectString());
                return 0;
            }
            switch (action) {
                case "remove" -> {
                    MembershipChange c = launcher.removeServer(id);
                    out.printf("removed server %d (config version 0x%x, reconfig %d ms, total %d ms)%n", id,
                            c.configZxid(), c.reconfigMillis(), c.totalMillis());
                    out.println("connect: " + launcher.connectString());
                }
                case "stop" -> out.println(launcher.stop(id) ? "stopped node " + id : "node " + id + " was not running");
                case "kill" -> out.println(launcher.kill(id) ? "killed node " + id + " (kill -9)"
                        : "node " + id + " was not running");
                case "start" -> out.println(launcher.startNode(id, ClusterLauncher.DEFAULT_TIMEOUT).describe());
                case "restart" -> {
                    launcher.restart(id);
                    out.println("node " + id + " restarted, serving as " + mode(launcher, id));
                }
                default -> throw new LauncherException("unknown node action '" + action + "' (expected " + USAGE + ")");
            }
            return 0;
        } catch (LauncherException e) {
            err.println("quorumlab node: " + e.getMessage());
            return 2;
        }
    }

    private static String mode(ClusterLauncher launcher, long id) {
        return launcher.status().stream().filter(n -> n.id() == id).map(NodeStatus::mode).findFirst().orElse("?");
    }
}
