package org.quorumlab.launcher.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.quorumlab.engine.cli.DumpRestoreCommands;
import org.quorumlab.engine.cli.ServerCommand;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.admin.AdminRefusedException;

/** The {@code quorumlab} command: dispatches subcommands; errors print one clear line and exit 2. */
public final class Main {

    static final String USAGE = """
            usage: quorumlab <command> [options]
              server [zoo.cfg] [--port P] [--data-dir D] [--tick-time MS]   run one server
              dump --data-dir D                                           print the tree as JSON
              restore --data-dir D [--force] < tree.json                  seed a data dir from a dump
              cluster --nodes N --dir D [--engine quorumlab|zookeeper] [--base-port P] [--max-session-timeout MS]
                      [--bind ADDR] [--autoscale load:hi=5000,lo=500,min=3,max=7 | failure:after=10s | target:size=5]
                                                                          run an ensemble until Ctrl-C (sessions up to
                                                                          MS; default 20 ticks = 4000 ms; ports on ADDR,
                                                                          default 127.0.0.1 only), optionally resized
                                                                          by an auto-scaling policy
              cluster restart --dir D                                     restart a stopped or crashed cluster, all nodes at once
              node add [ID] [--observer] | remove ID | stop ID | kill ID | start ID | restart ID | rolling-restart --dir D
                                                                          change a running cluster (start of a node
                                                                          without quorum returns once it is up)
              status --dir D                                              nodes, pids, modes, ports
              fault partition 1,2|3 | drop 1->2 30% | delay 2->3 200ms | heal | show  ADMIN
              events ADMIN [--json] [--no-load]                           live consensus/session/load events
              teach state | speed N | pause | resume | step | release ID | drop ID  ADMIN
                                                                          teaching mode: slow motion, stepping
                ADMIN = --dir D (members and token of a launcher cluster)
                      | --admin h:p[,h:p] [--dir D | --token T | --token-file F]   (token: the cluster's admin.token)
              load --connect h:p,... --clients C --rate R --read-ratio X [--policy P]   load generator
              bench [--rounds N] [--quick] [--engine both|quorumlab|zookeeper] [--workloads W,...] [--out DIR]
                                                                          throughput/latency, engines alternating
                                                                          for N rounds (default and minimum 3;
                                                                          --quick: 1, a smoke run, no valid comparison)
              bench tables FILE.csv                                       the report's tables from its per-run CSV
              bench failover [--engine quorumlab|zookeeper|both] [--runs N]           failover/reconfig figures
              bench stability [--engine ...] [--cycles N] [--phase-seconds S] [--mixed-seconds S] [--hog T]
                                                                          leader changes and failures under load
              bench scale [--engine ...] [--znodes N] [--value-bytes B] [--missed M]   a big tree (default 1,000,000
                                                                          znodes): load rate, restart to serving,
                                                                          follower catch-up, memory and disk per node;
                                                                          nodes run with -Xmx512m -XX:+UseSerialGC,
                                                                          QUORUMLAB_NODE_JAVA_OPTS="-Xmx2g ..." replaces
                                                                          those options
              bench tree ...                                              the console's tree benchmark (bench/tree.sh)
              gui [--connect h:p,...[/chroot] | --bundled [--dir D] [--bind ADDR]]   the console (no command: bundled cluster)
              lesson ID|FILE.json|all [--dir D] [--fast]                  run workshop lessons headlessly
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs one command; the launcher's commands print to {@code out} and {@code err}, error lines go to
     * {@code err} (the server and bench commands print to System.out themselves).
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "server" -> ServerCommand.run(rest);
                case "dump" -> DumpRestoreCommands.dump(rest, out);
                case "restore" -> DumpRestoreCommands.restore(rest, in, err);
                case "cluster" -> ClusterCommand.run(rest, out, err);
                case "node" -> NodeCommand.run(rest, out, err);
                case "status" -> StatusCommand.run(rest, out, err);
                case "fault" -> FaultCommand.run(rest, out, err);
                case "events" -> EventsCommand.run(rest, out, err);
                case "teach" -> TeachCommand.run(rest, out, err);
                case "load" -> LoadCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest);
                default -> {
                    err.println("quorumlab: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException | IllegalArgumentException | LauncherException | AdminRefusedException e) {
            err.println("quorumlab " + args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("quorumlab " + args[0] + " failed: " + e);
            return 1;
        }
    }
}
