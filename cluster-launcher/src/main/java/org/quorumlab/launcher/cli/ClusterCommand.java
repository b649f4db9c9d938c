package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.autoscale.AutoScaler;
import org.quorumlab.launcher.autoscale.AutoScalerSpec;
import org.quorumlab.launcher.autoscale.LauncherActuator;

/**
 * {@code quorumlab cluster --nodes N --dir D [--engine quorumlab|zookeeper] [--base-port P]
 * [--max-session-timeout MS] [--bind ADDR] [--autoscale load:hi=5000,lo=500,min=3,max=7 | failure:after=10s |
 * target:size=5]}: starts (or resumes) the ensemble, its ports bound to ADDR (default 127.0.0.1, this host
 * only), waits for a quorum, prints the connect string and the admin token's file, optionally runs an
 * auto-scaling controller that prints every decision, and runs until Ctrl-C, which stops the nodes.
 * {@code quorumlab cluster restart --dir D} restarts a stopped or crashed cluster, all nodes at once.
 */
public final class ClusterCommand {

    static final Set<String> OPTIONS = Set.of("--nodes", "--dir", "--engine", "--base-port", "--max-session-timeout",
            "--autoscale", "--bind");

    private ClusterCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length > 0 && args[0].equals("restart")) {
            return restart(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        ClusterLauncher launcher;
        AutoScalerSpec autoscale;
        try {
            CliOptions o = CliOptions.parse(args, OPTIONS);
            String spec = o.get("--autoscale", null);
            try {
                autoscale = spec == null ? null : AutoScalerSpec.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new LauncherException("bad --autoscale: " + e.getMessage());
            }
            if (!o.positional().isEmpty()) {
                throw new LauncherException("unexpected argument '" + o.positional().get(0) + "'");
            }
            launcher = ClusterLauncher.open(o.dir(), o.intOption("--nodes", 3),
                    Engine.parse(o.get("--engine", "quorumlab")), o.intOption("--base-port", 0),
                    ClusterLauncher.TICK_TIME, o.intOption("--max-session-timeout", 0), o.get("--bind", null));
        } catch (LauncherException e) {
            err.println("quorumlab cluster: " + e.getMessage());
            return 2;
        }
        try {
            launcher.startAll();
            launcher.awaitQuorum(ClusterLauncher.DEFAULT_TIMEOUT);
        } catch (LauncherException e) {
            err.println("quorumlab cluster: " + e.getMessage());
            launcher.close();
            return 2;
        }
        StatusCommand.print(launcher, out);
        out.println("connect: " + launcher.connectString());
        out.println("admin token: " + launcher.dir().resolve("admin.token") + " (quorumlab fault|teach|events --dir "
                + launcher.dir() + ")");
        if (autoscale != null) {
            AutoScaler scaler = new AutoScaler(autoscale, new LauncherActuator(launcher));
            scaler.addListener(event -> out.println("autoscale: " + event.describe()));
            scaler.start();
            out.println("Auto-scaling with " + autoscale);
        }
        out.println("Running; Ctrl-C stops the cluster.");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * {@code quorumlab cluster restart --dir D}: stops what still runs of the cluster in D, starts
     * every member at once and returns when a quorum serves; the nodes keep running afterwards.
     */
    static int restart(String[] args, PrintStream out, PrintStream err) {
        try {
            CliOptions o = CliOptions.parse(args, Set.of("--dir"));
            if (!o.positional().isEmpty()) {
                throw new LauncherException("usage: quorumlab cluster restart --dir D");
            }
            ClusterLauncher launcher = ClusterLauncher.attach(o.dir());
            out.println(launcher.restartCluster(ClusterLauncher.DEFAULT_TIMEOUT).describe());
            out.println("connect: " + launcher.connectString());
            return 0;
        } catch (LauncherException e) {
            err.println("quorumlab cluster restart: " + e.getMessage());
            return 2;
        }
    }
}
