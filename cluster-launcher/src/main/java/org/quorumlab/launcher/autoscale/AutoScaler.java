package org.quorumlab.launcher.autoscale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.quorumlab.launcher.admin.AdminHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto-scaling controller: every {@link AutoScalerSpec#pollInterval()} it observes the
 * cluster through the {@link ClusterActuator} (members, liveness) and a {@link LoadMeter}, asks
 * the spec's {@link ScalingPolicy} for one {@link Decision} and applies it through the actuator,
 * one change at a time (a poll that applies a change runs until the change is done; the next poll
 * comes one interval later). It remembers when each member was first seen down and when the last
 * change finished; a change that fails also starts the cooldown, so a refused change (e.g. one
 * that would lose quorum) is retried only after it.
 *
 * <p>Every decision becomes a {@link ScalingEvent}: {@code HOLD} events at each poll with nothing
 * to do, {@code STARTED} then {@code APPLIED} or {@code FAILED} around a change. Each is logged
 * (SLF4J, HOLD at debug, changes at info, failures at warn) and sent to the listeners.
 *
 * <p>Entry points for the launcher: {@code new AutoScaler(AutoScalerSpec.parse(text), new
 * LauncherActuator(launcher))}, {@link #addListener}, {@link #start()}, {@link #close()}.
 */
public final class AutoScaler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoScaler.class);

    private final AutoScalerSpec spec;
    private final ClusterActuator actuator;
    private final LoadMeter meter;
    private final LongSupplier clockMs;
    private final List<ScalingListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> downSince = new HashMap<>();
    private long lastChangeMs = ClusterObservation.NEVER;
    private ScheduledExecutorService scheduler;

    /**
     * The controller the CLI builds: load is read from each member's admin
     * {@code /commands/monitor} (addresses and token from {@link ClusterActuator}), time is the
     * wall clock.
     */
    public AutoScaler(AutoScalerSpec spec, ClusterActuator actuator) {
        this(spec, actuator, new AdminMonitorLoadMeter(actuator::adminAddress,
                new AdminHttpClient(actuator.adminCredentials(), Duration.ofSeconds(2))), System::currentTimeMillis);
    }

    /** With a chosen load meter (e.g. a {@link LoadSampleMeter}) and clock (tests). */
    public AutoScaler(AutoScalerSpec spec, ClusterActuator actuator, LoadMeter meter, LongSupplier clockMs) {
        this.spec = spec;
        this.actuator = actuator;
        this.meter = meter;
        this.clockMs = clockMs;
    }

    public AutoScalerSpec spec() {
        return spec;
    }

    public void addListener(ScalingListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ScalingListener listener) {
        listeners.remove(listener);
    }

    /** Starts polling on a daemon thread {@code autoscaler}, first poll after one interval. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autoscaler");
            t.setDaemon(true);
            return t;
        });
        long period = spec.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Autoscaler started: {}", spec.describe());
    }

    /** Stops polling; a change in progress is interrupted only if it reacts to interrupts. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
            LOG.info("Autoscaler stopped");
        }
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.warn("Autoscaler poll failed: {}", e.toString());
        }
    }

    /**
     * One observe-decide-apply round on the calling thread; returns its events (one HOLD, or
     * STARTED plus APPLIED/FAILED). Not to be called concurrently with itself.
     */
    public synchronized List<ScalingEvent> pollOnce() {
        long now = clockMs.getAsLong();
        ClusterObservation obs = observe(now);
        Decision d = spec.policy().decide(obs, now);
        List<ScalingEvent> events = new ArrayList<>();
        if (d instanceof Decision.None) {
            events.add(emit(now, d, ScalingEvent.Outcome.HOLD, d.reason(), obs));
            return events;
        }
        events.add(emit(now, d, ScalingEvent.Outcome.STARTED, d.reason(), obs));
        try {
            String detail = apply(d);
            events.add(emit(clockMs.getAsLong(), d, ScalingEvent.Outcome.APPLIED, detail, obs));
        } catch (RuntimeException e) {
            events.add(emit(clockMs.getAsLong(), d, ScalingEvent.Outcome.FAILED, String.valueOf(e.getMessage()), obs));
        } finally {
            lastChangeMs = clockMs.getAsLong();
        }
        return events;
    }

    /** The observation a poll at {@code nowMs} decides on; updates the down-since bookkeeping. */
    ClusterObservation observe(long nowMs) {
        List<MemberState> members = actuator.members();
        Set<Long> ids = new HashSet<>();
        for (MemberState m : members) {
            ids.add(m.id());
            if (m.serving()) {
                downSince.remove(m.id());
            } else {
                downSince.putIfAbsent(m.id(), nowMs);
            }
        }
        downSince.keySet().retainAll(ids);
        LoadMeter.Reading load;
        try {
            load = meter.read(members, nowMs);
        } catch (RuntimeException e) {
            LOG.debug("Load meter failed: {}", e.toString());
            load = LoadMeter.Reading.UNKNOWN;
        }
        List<MemberObservation> obs = new ArrayList<>();
        for (MemberState m : members) {
            obs.add(new MemberObservation(m.id(), m.serving(), m.leader(), m.serving() ? -1 : downSince.get(m.id()),
                    load.perMember().getOrDefault(m.id(), Double.NaN)));
        }
        return new ClusterObservation(obs, load.totalOpsPerSec(), lastChangeMs);
    }

    private String apply(Decision d) {
        if (d instanceof Decision.AddServer) {
            return describe(actuator.addServer());
        }
        if (d instanceof Decision.RemoveServer r) {
            MembershipOutcome o = actuator.removeServer(r.id());
            downSince.remove(r.id());
            return describe(o);
        }
        if (d instanceof Decision.ReplaceServer r) {
            MembershipOutcome removed = actuator.removeServer(r.id());
            downSince.remove(r.id());
            try {
                return describe(removed) + "; " + describe(actuator.addServer());
            } catch (RuntimeException e) {
                throw new IllegalStateException(describe(removed) + " but adding its replacement failed: "
                        + e.getMessage(), e);
            }
        }
        return d.reason();
    }

    private static String describe(MembershipOutcome o) {
        return (o.added() ? "added server " : "removed server ") + o.serverId() + " in " + o.millis() + " ms ("
                + o.detail() + ")";
    }

    private ScalingEvent emit(long timeMs, Decision d, ScalingEvent.Outcome outcome, String detail,
            ClusterObservation obs) {
        ScalingEvent e = new ScalingEvent(timeMs, spec.policy().describe(), d, outcome, detail, obs);
        switch (outcome) {
            case HOLD -> LOG.debug(e.describe());
            case FAILED -> LOG.warn(e.describe());
            default -> LOG.info(e.describe());
        }
        for (ScalingListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("Scaling listener {} failed: {}", l, ex.toString());
            }
        }
        return e;
    }
}
