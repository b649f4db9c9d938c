package org.quorumlab.gui.lessons;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.autoscale.AutoScaler;
import org.quorumlab.launcher.autoscale.AutoScalerSpec;
import org.quorumlab.launcher.autoscale.ClusterActuator;
import org.quorumlab.launcher.autoscale.LauncherActuator;
import org.quorumlab.launcher.autoscale.MemberState;
import org.quorumlab.launcher.autoscale.MembershipOutcome;
import org.quorumlab.launcher.autoscale.ScalingEvent;

/**
 * The lesson's auto-scaler: the launcher's {@link AutoScaler} with a policy in the
 * {@code --autoscale} syntax. Switching policies (or {@code off}) lets a membership change in
 * progress finish first, so no reconfig is cut in half.
 */
final class Autoscaling implements AutoCloseable {

    private volatile AutoScaler scaler;
    private BlockingQueue<ScalingEvent> events;
    private volatile boolean changing;

    /**
     * Replaces the running policy with {@code policyText} (or just stops it for {@code off}) and
     * waits until the new policy settles: its first poll with nothing to do outside a cooldown.
     * {@code onAdded} hears of every server the policy adds (to bring it into the lesson's teaching state).
     *
     * @throws IllegalArgumentException for a policy the launcher cannot parse
     * @throws IllegalStateException    when a change the policy made failed
     */
    synchronized String apply(String policyText, ClusterLauncher launcher, Duration timeout, LongConsumer onAdded)
            throws InterruptedException {
        String stopped = stop(timeout);
        if (policyText.trim().equals("off")) {
            return stopped.isEmpty() ? "auto-scaling off (it was not running)" : "auto-scaling off: " + stopped;
        }
        AutoScalerSpec spec = AutoScalerSpec.parse(policyText);
        events = new LinkedBlockingQueue<>();
        AutoScaler created = new AutoScaler(spec, notifying(new LauncherActuator(launcher), onAdded));
        BlockingQueue<ScalingEvent> sink = events;
        created.addListener(e -> {
            changing = e.outcome() == ScalingEvent.Outcome.STARTED;
            sink.add(e);
        });
        scaler = created;
        created.start();
        return spec.policy().describe() + " running: " + settle(spec, sink, timeout);
    }

    private static String settle(AutoScalerSpec spec, BlockingQueue<ScalingEvent> sink, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> changes = new ArrayList<>();
        while (true) {
            ScalingEvent e = sink.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                return (changes.isEmpty() ? "" : String.join("; ", changes) + "; ")
                        + "still working after " + timeout.toSeconds() + " s";
            }
            if (e.outcome() == ScalingEvent.Outcome.FAILED) {
                throw new IllegalStateException(e.describe());
            }
            if (e.outcome() == ScalingEvent.Outcome.APPLIED) {
                changes.add(e.detail());
            }
            boolean cooling = e.observation().cooldownLeftMs(spec.policy().cooldown().toMillis(), e.timeMs()) > 0;
            if (e.outcome() == ScalingEvent.Outcome.HOLD && !cooling) {
                return (changes.isEmpty() ? "" : String.join("; ", changes) + "; ") + "holding ("
                        + e.decision().reason() + ")";
            }
        }
    }

    private static ClusterActuator notifying(ClusterActuator inner, LongConsumer onAdded) {
        return new ClusterActuator() {
            @Override
            public List<MemberState> members() {
                return inner.members();
            }

            @Override
            public MembershipOutcome addServer() {
                MembershipOutcome o = inner.addServer();
                onAdded.accept(o.serverId());
                return o;
            }

            @Override
            public MembershipOutcome removeServer(long id) {
                return inner.removeServer(id);
            }

            @Override
            public Optional<InetSocketAddress> adminAddress(long id) {
                return inner.adminAddress(id);
            }

            @Override
            public AdminCredentials adminCredentials() {
                return inner.adminCredentials();
            }
        };
    }

    /** Stops the running policy after any change in progress; what it did meanwhile, or "". */
    private String stop(Duration timeout) throws InterruptedException {
        AutoScaler running = scaler;
        if (running == null) {
            return "";
        }
        String policy = running.spec().policy().describe();
        String finished = "";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (changing && System.nanoTime() < deadline) {
            ScalingEvent e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e != null && (e.outcome() == ScalingEvent.Outcome.APPLIED || e.outcome() == ScalingEvent.Outcome.FAILED)) {
                finished = " after its change in progress finished (" + e.describe() + ")";
            }
        }
        running.close();
        scaler = null;
        changing = false;
        return "stopped " + policy + finished;
    }

    /** Stops the running policy at once (no waiting for a change in progress; also while {@link #apply} waits). */
    @Override
    public void close() {
        AutoScaler s = scaler;
        scaler = null;
        if (s != null) {
            s.close();
        }
    }
}
