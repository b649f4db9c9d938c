package org.quorumlab.gui.cluster;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.binding.BooleanBinding;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.launcher.MembershipChange;

/**
 * Node and cluster actions (stop, kill, restart, remove, add, partition, heal, rolling restart).
 * Each runs through the {@link TaskExecutor}; {@link #busyProperty()} drives the progress
 * indicator and {@link #messageProperty()} shows the outcome or the reason it was refused.
 */
public final class ClusterActionsViewModel {

    private static final Pattern GROUPS = Pattern.compile("\\d+(,\\d+)*(\\|\\d+(,\\d+)*)+");
    private static final int HISTORY = 50;

    private final ClusterControl control;
    private final FaultControl faults;
    private final TaskExecutor executor;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper manageable;
    private final ResourceBundle text = ResourceBundle.getBundle(BUNDLE);
    private final BooleanBinding canRestartCluster;

    /** User-visible text of the cluster actions (English and Chinese). */
    public static final String BUNDLE = "org.quorumlab.gui.cluster.ClusterActions";

    /**
     * @param control null for an external ensemble (node and membership actions unavailable)
     * @param faults  fault injection over the admin API
     */
    public ClusterActionsViewModel(ClusterControl control, FaultControl faults, TaskExecutor executor) {
        this.control = control;
        this.faults = faults;
        this.executor = executor;
        this.manageable = new ReadOnlyBooleanWrapper(control != null);
        this.canRestartCluster = manageable.and(busy.not());
    }

    /** The resource bundle of these actions, for the view's labels. */
    public ResourceBundle text() {
        return text;
    }

    /** True when the console launched the cluster (it can restart it) and no action is running. */
    public BooleanBinding canRestartClusterProperty() {
        return canRestartCluster;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Outcomes, newest first. */
    public ObservableList<String> history() {
        return history;
    }

    /** True when the ensemble is managed by a launcher (node buttons shown). */
    public ReadOnlyBooleanProperty manageableProperty() {
        return manageable.getReadOnlyProperty();
    }

    public void stop(long id) {
        run("stop node " + id, () -> control.stop(id) ? "node " + id + " stopped" : "node " + id + " was not running");
    }

    public void kill(long id) {
        run("kill -9 node " + id, () -> control.kill(id) ? "node " + id + " killed (SIGKILL)"
                : "node " + id + " was not running");
    }

    public void start(long id) {
        run("start node " + id, () -> control.start(id) ? "node " + id + " started" : "node " + id
                + " was already running");
    }

    public void restart(long id) {
        run("restart node " + id, () -> {
            long t0 = System.nanoTime();
            control.restart(id);
            return "node " + id + " restarted and serving in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        });
    }

    public void remove(long id) {
        run("remove node " + id, () -> describe(control.removeServer(id)));
    }

    public void addNode() {
        run("add node", () -> describe(control.addServer()));
    }

    public void addObserver() {
        run("add observer", () -> describe(control.addObserver()));
    }

    public void rollingRestart() {
        run("rolling restart", () -> {
            long t0 = System.nanoTime();
            var order = control.rollingRestart();
            return "rolling restart done in order " + order + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
        });
    }

    /** Restarts a stopped or crashed cluster: every member at once, then waits for a quorum. */
    public void restartCluster() {
        String label = text.getString("restartCluster.action");
        if (control == null) {
            report(MessageFormat.format(text.getString("restartCluster.external"), label));
            return;
        }
        runAlways(label, () -> {
            var r = control.restartCluster();
            return MessageFormat.format(text.getString(r.stopped().isEmpty() ? "restartCluster.done"
                    : "restartCluster.doneAfterStopping"), r.started().toString(), Long.toString(r.millis()),
                    Long.toString(r.leader()), r.stopped().toString());
        });
    }

    /** Partitions into {@code groups} ({@code "1,2|3"}); validated before anything is sent. */
    public void partition(String groups) {
        String g = groups == null ? "" : groups.replace(" ", "");
        if (!GROUPS.matcher(g).matches()) {
            report("partition refused: groups must look like 1,2|3 (at least two groups), got '" + groups + "'");
            return;
        }
        runAlways("partition " + g, () -> "partition " + g + " applied on " + faults.partition(g) + " nodes");
    }

    public void heal() {
        runAlways("heal", () -> "healed faults on " + faults.heal() + " nodes");
    }

    /** {@code "server 4 added: reconfig committed at zxid 0x300000012 in 240 ms (total 1830 ms)"}. */
    static String describe(MembershipChange c) {
        String what;
        if (c.kind() == MembershipChange.Kind.ADDED) {
            what = "server " + c.serverId() + " added";
        } else if (c.kind() == MembershipChange.Kind.OBSERVER_ADDED) {
            what = "observer " + c.serverId() + " added";
        } else {
            what = "server " + c.serverId() + " removed";
        }
        return what
                + ": reconfig committed at zxid 0x" + Long.toHexString(c.configZxid()) + " in " + c.reconfigMillis()
                + " ms (total " + c.totalMillis() + " ms)";
    }

    private void run(String label, Callable<String> work) {
        if (control == null) {
            report(label + " refused: this ensemble is external (observe only)");
            return;
        }
        runAlways(label, work);
    }

    private void runAlways(String label, Callable<String> work) {
        if (busy.get()) {
            report(label + " refused: another action is still running");
            return;
        }
        busy.set(true);
        message.set(label + "...");
        executor.run(work, done -> {
            busy.set(false);
            report(done);
        }, err -> {
            busy.set(false);
            report(label + " refused: " + reason(err));
        });
    }

    private void report(String text) {
        message.set(text);
        history.add(0, text);
        if (history.size() > HISTORY) {
            history.remove(HISTORY, history.size());
        }
    }

    private static String reason(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
