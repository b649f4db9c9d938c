package org.quorumlab.gui.cluster.load;

import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quorumlab.gui.common.TaskExecutor;

/** Controls of the load generator: settings, start/stop, and a status line refreshed by {@link #refresh()}. */
public final class LoadGeneratorViewModel {

    private final TaskExecutor executor;
    private final String connectString;
    private final BiFunction<String, LoadSettings, LoadGenerator> factory;
    private final IntegerProperty clients = new SimpleIntegerProperty(4);
    private final IntegerProperty rate = new SimpleIntegerProperty(500);
    private final DoubleProperty readRatio = new SimpleDoubleProperty(0.8);
    private final ObjectProperty<BalancingPolicy> policy = new SimpleObjectProperty<>(BalancingPolicy.ROUND_ROBIN);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("idle");
    private volatile LoadGenerator generator;

    public LoadGeneratorViewModel(TaskExecutor executor, String connectString) {
        this(executor, connectString, LoadGenerator::new);
    }

    LoadGeneratorViewModel(TaskExecutor executor, String connectString,
            BiFunction<String, LoadSettings, LoadGenerator> factory) {
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

    public ObjectProperty<BalancingPolicy> policyProperty() {
        return policy;
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

    /** Connects the clients in the background and starts generating. */
    public void start() {
        if (running.get() || busy.get()) {
            return;
        }
        if (connectString == null || connectString.isBlank()) {
            status.set("no connect string: cannot generate load");
            return;
        }
        LoadSettings s;
        try {
            s = new LoadSettings(clients.get(), rate.get(), readRatio.get(), policy.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        busy.set(true);
        status.set("connecting " + s.clients() + " clients...");
        executor.run(() -> {
            LoadGenerator g = factory.apply(connectString, s);
            g.start();
            return g;
        }, g -> {
            generator = g;
            busy.set(false);
            running.set(true);
            status.set("running: " + s.ratePerSec() + " ops/s target, " + Math.round(s.readRatio() * 100)
                    + "% reads, " + s.policy());
        }, err -> {
            busy.set(false);
            status.set("load generator failed: " + err.getMessage());
        });
    }

    /** Stops generating and closes the sessions. */
    public void stop() {
        LoadGenerator g = generator;
        generator = null;
        running.set(false);
        if (g != null) {
            LoadStats last = g.stats();
            executor.run(() -> {
                g.close();
                return last;
            }, st -> status.set("stopped: " + st.describe()), err -> status.set("stop failed: " + err.getMessage()));
        }
    }

    /** Updates the status line from the running generator. */
    public void refresh() {
        LoadGenerator g = generator;
        if (g != null) {
            status.set(g.stats().describe());
        }
    }
}
