package org.quorumlab.launcher.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.MembershipChange;
import org.quorumlab.launcher.cli.FaultCommand;
import org.quorumlab.launcher.chaos.NemesisPlan.Step;

/**
 * Runs a {@link NemesisPlan} against the launcher's cluster: one fault at a time, each ended
 * (node started again, process continued, partition healed) before the next gap begins, paced by
 * a scheduled executor with the plan's seeded delays. Every action is logged as an {@link Event}
 * timed on the run's clock. {@link #stopAndHeal} ends the current fault and brings every member
 * back to serving.
 */
final class Nemesis {

    /** A nemesis action, {@code atMillis} after the run started. */
    record Event(long atMillis, String what) {
        @Override
        public String toString() {
            return String.format("%8.3fs  %s", atMillis / 1000.0, what);
        }
    }

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterLauncher launcher;
    private final NemesisPlan plan;
    private final History clock;
    private final long initialMaxId;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "nemesis");
        t.setDaemon(true);
        return t;
    });
    private final ReentrantLock acting = new ReentrantLock();
    private final AtomicReference<Runnable> currentEnd = new AtomicReference<>();
    private final Set<Long> pausedPids = new TreeSet<>();
    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch chaosOver = new CountDownLatch(1);
    private volatile boolean stopping;
    private boolean timeUp;
    private int minSteps;
    private final Map<NemesisPlan.Kind, Integer> faults = new EnumMap<>(NemesisPlan.Kind.class);

    Nemesis(ClusterLauncher launcher, NemesisPlan plan, History clock) {
        this.launcher = launcher;
        this.plan = plan;
        this.clock = clock;
        this.initialMaxId = launcher.members().last();
    }

    /**
     * Starts the schedule; faults begin for {@code chaos}, and beyond it until at least
     * {@code minSteps} have been injected (a slow machine delays planned faults instead of dropping
     * them); then {@link #awaitChaosOver} returns.
     */
    void start(Duration chaos, int minSteps) {
        this.minSteps = minSteps;
        event("nemesis starts: seed " + plan.seed() + ", kinds " + plan.kinds() + ", " + chaos.toSeconds() + " s"
                + (minSteps > 0 ? ", at least " + minSteps + " faults" : ""));
        scheduler.schedule(() -> {
            synchronized (this) {
                timeUp = true;
            }
            stopIfDone();
        }, chaos.toMillis(), TimeUnit.MILLISECONDS);
        scheduleStep(0);
    }

    private void stopIfDone() {
        synchronized (this) {
            if (!timeUp || faults.values().stream().mapToInt(Integer::intValue).sum() < minSteps) {
                return;
            }
        }
        stopping = true;
        chaosOver.countDown();
    }

    /** Waits until the chaos period is over (bounded by {@code timeout}). */
    boolean awaitChaosOver(Duration timeout) throws InterruptedException {
        return chaosOver.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the current fault, continues paused processes, heals partitions, starts every member and waits until all serve. */
    void stopAndHeal() {
        stopping = true;
        acting.lock();
        try {
            endCurrentFault();
            for (long pid : pausedPids) {
                signal("CONT", pid);
            }
            pausedPids.clear();
            healPartitions();
            launcher.startAll();
            launcher.awaitQuorum(RECOVERY_TIMEOUT);
            for (long id : launcher.members()) {
                launcher.awaitServing(id, RECOVERY_TIMEOUT);
            }
            event("healed: members " + launcher.members() + " all serving, leader " + launcher.leader().orElse(-1L));
        } finally {
            acting.unlock();
            scheduler.shutdownNow();
        }
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Faults injected so far, by kind. */
    synchronized Map<NemesisPlan.Kind, Integer> faults() {
        return java.util.Collections.unmodifiableMap(new EnumMap<>(faults));
    }

    private void scheduleStep(int i) {
        if (stopping || i >= plan.steps().size()) {
            return;
        }
        Step step = plan.steps().get(i);
        scheduler.schedule(() -> runStep(i, step), step.gapMillis(), TimeUnit.MILLISECONDS);
    }

    private void runStep(int i, Step step) {
        acting.lock();
        try {
            if (stopping) {
                return;
            }
            currentEnd.set(inject(step));
            synchronized (this) {
                faults.merge(step.kind(), 1, Integer::sum);
            }
            scheduler.schedule(() -> {
                acting.lock();
                try {
                    endCurrentFault();
                } finally {
                    acting.unlock();
                }
                stopIfDone(); // a fault injected after the chaos period still runs its planned length
                scheduleStep(i + 1);
            }, step.faultMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            event("step " + step + " failed: " + e.getMessage());
            scheduleStep(i + 1);
        } finally {
            acting.unlock();
        }
    }

    private void endCurrentFault() {
        Runnable end = currentEnd.getAndSet(null);
        if (end != null) {
            try {
                end.run();
            } catch (RuntimeException e) {
                event("ending the fault failed: " + e.getMessage());
            }
        }
    }

    /** Injects one fault; returns what ends it. */
    private Runnable inject(Step step) {
        switch (step.kind()) {
            case KILL -> {
                long id = target(step);
                launcher.kill(id);
                event("kill -9 node " + id + describeRole(step));
                return () -> startAndAwait(id);
            }
            case RESTART -> {
                long id = target(step);
                launcher.stop(id);
                event("stopped (SIGTERM) node " + id + describeRole(step));
                return () -> startAndAwait(id);
            }
            case RESTART_ALL -> {
                SortedSet<Long> members = launcher.members();
                members.forEach(launcher::kill);
                event("kill -9 every node " + members);
                return () -> {
                    launcher.startAll();
                    event("started every node " + members);
                    launcher.awaitQuorum(RECOVERY_TIMEOUT);
                    event("quorum again, leader " + launcher.leader().orElse(-1L));
                };
            }
            case PARTITION -> {
                long id = target(step);
                String others = launcher.members().stream().filter(m -> m != id).map(String::valueOf)
                        .collect(Collectors.joining(","));
                String groups = id + "|" + others;
                faultCommand("partition", groups, "--dir", launcher.dir().toString());
                event("partition " + groups + " (node " + id + describeRole(step) + " isolated)");
                return this::healPartitions;
            }
            case PAUSE -> {
                long id = target(step);
                long pid = launcher.pid(id);
                if (pid < 0) {
                    throw new LauncherException("node " + id + " is not running");
                }
                signal("STOP", pid);
                pausedPids.add(pid);
                event("SIGSTOP node " + id + " (pid " + pid + ")" + describeRole(step));
                return () -> {
                    signal("CONT", pid);
                    pausedPids.remove(pid);
                    event("SIGCONT node " + id + " (pid " + pid + ")");
                };
            }
            case MEMBERSHIP -> {
                changeMembership();
                return () -> { };
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
    }

    private void changeMembership() {
        SortedSet<Long> members = launcher.members();
        if (members.size() <= 3) {
            event("adding a server to " + members);
            MembershipChange c = launcher.addServer(-1, RECOVERY_TIMEOUT);
            event("added server " + c.serverId() + " (reconfig " + c.reconfigMillis() + " ms, config 0x"
                    + Long.toHexString(c.configZxid()) + ")");
        } else {
            long id = members.stream().filter(m -> m > initialMaxId).reduce((a, b) -> b).orElse(members.last());
            event("removing server " + id + " from " + members);
            MembershipChange c = launcher.removeServer(id, RECOVERY_TIMEOUT);
            event("removed server " + id + " (reconfig " + c.reconfigMillis() + " ms, config 0x"
                    + Long.toHexString(c.configZxid()) + ")");
        }
    }

    private void startAndAwait(long id) {
        launcher.start(id);
        event("started node " + id);
        launcher.awaitServing(id, RECOVERY_TIMEOUT);
        event("node " + id + " serving");
    }

    private long target(Step step) {
        if (step.leader()) {
            var leader = launcher.leader();
            if (leader.isPresent()) {
                return leader.get();
            }
        }
        List<Long> members = new ArrayList<>(launcher.members());
        return members.get(step.pick() % members.size());
    }

    private String describeRole(Step step) {
        return step.leader() ? " (the leader)" : "";
    }

    private void healPartitions() {
        for (long id : launcher.members()) {
            int admin = launcher.ports(id).admin();
            if (launcher.isRunning(id) && admin > 0) {
                faultCommand("heal", "--admin", "127.0.0.1:" + admin, "--dir", launcher.dir().toString());
            }
        }
        event("healed partitions on " + launcher.members());
    }

    private void faultCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        try {
            int rc = FaultCommand.run(args, ps, ps);
            if (rc != 0) {
                throw new LauncherException("quorumlab fault " + String.join(" ", args) + " exited " + rc + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted: quorumlab fault " + args[0], e);
        } catch (LauncherException e) {
            throw e;
        } catch (Exception e) {
            throw new LauncherException("quorumlab fault " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }

    private static void signal(String sig, long pid) {
        try {
            Process p = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new LauncherException("kill -" + sig + " " + pid + " failed: "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        } catch (IOException e) {
            throw new LauncherException("kill -" + sig + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted sending SIG" + sig, e);
        }
    }

    private void event(String what) {
        Event e = new Event(clock.now() / 1_000_000, what);
        synchronized (this) {
            events.add(e);
        }
        System.out.println("NEMESIS " + e);
    }
}
