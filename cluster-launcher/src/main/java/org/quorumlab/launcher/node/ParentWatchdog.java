package org.quorumlab.launcher.node;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code ParentWatchdog --parent-pid PID <mainClass> [args...]}: runs another program's main in
 * this JVM and exits when process {@code PID} does. Used for engines (real ZooKeeper) that have no
 * {@code --parent-pid} option, so their nodes never outlive the launcher.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("--parent-pid")) {
            System.err.println("usage: ParentWatchdog --parent-pid PID <mainClass> [args...]");
            System.exit(2);
        }
        long pid = Long.parseLong(args[1]);
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            System.err.println("parent process " + pid + " is not running");
            System.exit(2);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("parent process " + pid + " exited, shutting down");
            System.exit(0);
        });
        Method main = Class.forName(args[2]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 3, args.length));
    }
}
