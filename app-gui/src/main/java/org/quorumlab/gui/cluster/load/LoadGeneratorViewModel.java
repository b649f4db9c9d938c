package org.quorumlab.gui.cluster.load;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.launcher.load.LoadGenerator;
import org.quorumlab.launcher.load.LoadSample;
import org.quorumlab.launcher.load.LoadSpec;
import org.quorumlab.launcher.load.balancing.BalancingPolicies;

/**
 * Controls of the launcher's {@link LoadGenerator}: settings, start/stop, and a status line
 * refreshed by {@link #refresh()} from the generator's latest one-second sample.
 */
public final class LoadGeneratorViewModel {

    /** Bounds offered by the controls. */
    public static final int MAX_CLIENTS = 64;
    public static final int MAX_RATE = 50_000;

    private final TaskExecutor executor;
    private final String connectString;
    private final Function<LoadSpec, LoadGenerator> factory;
    private final IntegerProperty clients = new SimpleIntegerProperty(4);
    private final IntegerProperty rate = new SimpleIntegerProperty(500);
    private final DoubleProperty readRatio = new SimpleDoubleProperty(0.8);
    private final StringProperty policy = new SimpleStringProperty("round-robin");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("idle");
    private volatile LoadGenerator generator;

    /** Controls generating load on the servers of {@code connectString} (a chroot suffix is ignored). */
    public LoadGeneratorViewModel(TaskExecutor executor, String connectString) {
        this(executor, connectString, LoadGenerator::new);
    }

    LoadGeneratorViewModel(TaskExecutor executor, String connectString, Function<LoadSpec, LoadGenerator> factory) {
        this.executor = executor;
        this.connectString = connectString;
        this.factory = factory;
    }

    public IntegerProperty clientsProperty() {
        return clients;
    }

    public IntegerProperty rateProperty() {
        return rate;
    }

    public DoubleProperty readRatioProperty() {
        return readRatio;
    }

    /** Policy as the launcher's {@code --policy} accepts it, e.g. {@code least-latency} or {@code weighted:1=3,2=1}. */
    public StringProperty policyProperty() {
        return policy;
    }

    /** Policies to offer. */
    public List<String> policyChoices() {
        return BalancingPolicies.CHOICES;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The settings as a launcher spec; a bad value throws {@link IllegalArgumentException} with the reason. */
    LoadSpec spec() {
        if (connectString == null || connectString.isBlank()) {
            throw new IllegalArgumentException("no connect string: cannot generate load");
        }
        if (clients.get() < 1 || clients.get() > MAX_CLIENTS) {
            throw new IllegalArgumentException("clients must be within 1.." + MAX_CLIENTS + ", got " + clients.get());
        }
        if (rate.get() < 1 || rate.get() > MAX_RATE) {
            throw new IllegalArgumentException("rate must be within 1.." + MAX_RATE + " ops/s, got " + rate.get());
        }
        int chroot = connectString.indexOf('/');
        String hosts = chroot < 0 ? connectString : connectString.substring(0, chroot);
        return LoadSpec.builder(hosts).clients(clients.get()).ratePerSecond(rate.get()).readRatio(readRatio.get())
                .policy(BalancingPolicies.parse(policy.get() == null ? "" : policy.get(), System.nanoTime()))
                .build();
    }

    /** Opens the sessions in the background and starts generating. */
    public void start() {
        if (running.get() || busy.get()) {
            return;
        }
        LoadSpec s;
        try {
            s = spec();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        busy.set(true);
        status.set("connecting " + s.clients() + " clients...");
        executor.run(() -> {
            LoadGenerator g = factory.apply(s);
            g.start();
            return g;
        }, g -> {
            generator = g;
            busy.set(false);
            running.set(true);
            status.set("running: " + Math.round(s.ratePerSecond()) + " ops/s target, "
                    + Math.round(s.readRatio() * 100) + "% reads, " + s.policy().name());
        }, err -> {
            busy.set(false);
            status.set("load generator failed: " + err.getMessage());
        });
    }

    /** Stops generating (requests in flight finish) and closes the sessions; the status shows the summary. */
    public void stop() {
        LoadGenerator g = generator;
        generator = null;
        running.set(false);
        if (g != null) {
            busy.set(true);
            executor.run(g::stop, summary -> {
                busy.set(false);
                status.set(String.format(java.util.Locale.ROOT, "stopped: %,d ops (%,d reads, %,d writes), %,d errors",
                        summary.totalOps(), summary.totalReads(), summary.totalWrites(), summary.totalErrors()));
            }, err -> {
                busy.set(false);
                status.set("stop failed: " + err.getMessage());
            });
        }
    }

    /** Updates the status line from the running generator's latest sample. */
    public void refresh() {
        LoadGenerator g = generator;
        LoadSample s = g == null ? null : g.latest();
        if (s != null) {
            status.set(s.progressLine());
        }
    }
}
