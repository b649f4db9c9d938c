package org.quorumlab.launcher.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a process is really running. {@link ProcessHandle#isAlive()} reports a zombie (exited,
 * not yet reaped by its parent) as alive; on Linux we read its state from {@code /proc}.
 */
public final class ProcessLiveness {

    private ProcessLiveness() {
    }

    public static boolean isRunning(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessLiveness::isRunning).orElse(false);
    }

    public static boolean isRunning(ProcessHandle h) {
        return h.isAlive() && !zombie(h.pid());
    }

    static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close > 0 && close + 2 < s.length() && s.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The process's command line when the OS lets us see it. */
    public static Optional<String> commandLine(ProcessHandle h) {
        return h.info().commandLine();
    }
}
