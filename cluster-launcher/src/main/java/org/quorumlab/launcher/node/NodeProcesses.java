package org.quorumlab.launcher.node;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node processes of one cluster directory: spawns them (output appended to
 * {@code nodeK/log}, PID in {@code nodeK/pid}), finds them again through PID files, stops them
 * with SIGTERM or SIGKILL. Works for processes this JVM spawned and for ones another launcher did.
 */
public final class NodeProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(NodeProcesses.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ClusterLayout layout;
    private final JavaCommand java;
    private final Map<Long, Process> children = new ConcurrentHashMap<>();

    public NodeProcesses(ClusterLayout layout, JavaCommand java) {
        this.layout = layout;
        this.java = java;
    }

    public PidFile pidFile(long id) {
        return new PidFile(layout.pidFile(id));
    }

    /** The running process of node {@code id}, if any; deletes a PID file that names a dead process. */
    public Optional<ProcessHandle> running(long id) {
        Process child = children.get(id);
        if (child != null && child.isAlive()) {
            return Optional.of(child.toHandle());
        }
        PidFile pf = pidFile(id);
        Optional<ProcessHandle> live = pf.live().filter(h -> looksLikeNode(h, id));
        if (live.isEmpty() && Files.exists(pf.path())) {
            LOG.info("Removing stale PID file {} (process {} is gone)", pf.path(), pf.recordedPid());
            pf.delete();
        }
        return live;
    }

    /** Spawns node {@code id}; it exits when {@code parentPid} does (unless -1). */
    public ProcessHandle spawn(ClusterState state, EngineDriver driver, long id, long parentPid) {
        Optional<ProcessHandle> existing = running(id);
        if (existing.isPresent()) {
            throw new LauncherException("node " + id + " is already running (pid " + existing.get().pid() + ")");
        }
        driver.prepareStart(layout, id);
        List<String> cmd = driver.command(java, layout, state, id, parentPid);
        try {
            Files.writeString(layout.log(id), "=== " + Instant.now() + " launcher starts node " + id + ": "
                    + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(inOwnSession(cmd))
                    .directory(layout.nodeDir(id).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(layout.log(id).toFile()))
                    .start();
            p.getOutputStream().close();
            children.put(id, p);
            pidFile(id).write(p.toHandle());
            LOG.info("Started node {} (pid {}), log {}", id, p.pid(), layout.log(id));
            return p.toHandle();
        } catch (IOException e) {
            throw new LauncherException("cannot start node " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prefixes {@code setsid} where it exists, so a Ctrl-C in the terminal of a short-lived
     * {@code quorumlab node ...} command does not reach the node it started (same PID: the child
     * is never a process-group leader, so setsid execs without forking). Nodes still exit with
     * their launcher through {@code --parent-pid}.
     */
    static List<String> inOwnSession(List<String> cmd) {
        for (String bin : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(bin))) {
                List<String> out = new ArrayList<>(cmd.size() + 1);
                out.add(bin);
                out.addAll(cmd);
                return out;
            }
        }
        return cmd;
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns false if it was not running. */
    public boolean stop(long id, Duration grace) {
        Optional<ProcessHandle> h = running(id);
        if (h.isEmpty()) {
            pidFile(id).delete();
            return false;
        }
        h.get().destroy();
        if (!awaitExit(id, h.get(), grace)) {
            LOG.warn("Node {} (pid {}) did not stop within {} ms, killing it", id, h.get().pid(), grace.toMillis());
            h.get().destroyForcibly();
            awaitExit(id, h.get(), Duration.ofSeconds(10));
        }
        forget(id);
        return true;
    }

    /** SIGTERM to every running node at once, then waits for each (SIGKILL after {@code grace}). */
    public void stopAll(Collection<Long> ids, Duration grace) {
        Map<Long, ProcessHandle> running = new TreeMap<>();
        for (long id : ids) {
            running(id).ifPresent(h -> running.put(id, h));
        }
        running.values().forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        running.forEach((id, h) -> {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!awaitExit(id, h, left)) {
                LOG.warn("Node {} (pid {}) did not stop within {} ms, killing it", id, h.pid(), grace.toMillis());
                h.destroyForcibly();
                awaitExit(id, h, Duration.ofSeconds(10));
            }
            forget(id);
        });
        if (!running.isEmpty()) {
            LOG.info("Stopped nodes {}", running.keySet());
        }
    }

    /** SIGKILL and wait until the process is gone. Returns false if it was not running. */
    public boolean kill(long id) {
        Optional<ProcessHandle> h = running(id);
        if (h.isEmpty()) {
            pidFile(id).delete();
            return false;
        }
        h.get().destroyForcibly();
        if (!awaitExit(id, h.get(), Duration.ofSeconds(10))) {
            throw new LauncherException("node " + id + " (pid " + h.get().pid() + ") survived kill -9");
        }
        forget(id);
        return true;
    }

    /** Whether the process has exited since it was spawned by this JVM, with its exit code. */
    public Optional<Integer> exitCodeIfChildDied(long id) {
        Process child = children.get(id);
        return child != null && !child.isAlive() ? Optional.of(child.exitValue()) : Optional.empty();
    }

    private void forget(long id) {
        children.remove(id);
        pidFile(id).delete();
    }

    private boolean awaitExit(long id, ProcessHandle h, Duration timeout) {
        Process child = children.get(id);
        try {
            if (child != null && child.pid() == h.pid()) {
                return child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        // Not our child: onExit() would poll slowly and treats an unreaped zombie as alive.
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessLiveness.isRunning(h)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** The JVM option every node process carries, naming its config file. */
    static String nodeMarker(Path config) {
        return "-Dquorumlab.node=" + config;
    }

    /** Guards against a recycled PID: the command line, when visible, must carry this node's marker. */
    private boolean looksLikeNode(ProcessHandle h, long id) {
        Optional<String> cmd = ProcessLiveness.commandLine(h);
        return cmd.isEmpty() || cmd.get().contains(nodeMarker(layout.config(id)));
    }
}
