package org.quorumlab.gui.teaching;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.cluster.ClusterContext;
import org.quorumlab.gui.cluster.ClusterMonitor;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * Entry point the shell calls: builds the Teaching view over an ensemble's admin API (or
 * replay-only, without a cluster). One per cluster: the Teaching tab shows {@link #root()}, the
 * Lessons tab a {@link #compactRoot()} of the same ViewModel, so both show (and control) the same
 * recording. Watching starts with {@link #start()} (when either is first shown, so a cluster nobody
 * watches costs nothing) and stops on {@link #close()} or when the full view leaves its scene.
 */
public final class TeachingTab {

    private final Parent root;
    private Parent compactRoot;
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1);
    private final TeachingViewModel vm;
    private final ClusterMonitor monitor;
    private final AdminClient client;
    private final AtomicBoolean started = new AtomicBoolean();

    private TeachingTab(TeachingViewModel vm, ClusterMonitor monitor, AdminClient client) {
        this.vm = vm;
        this.monitor = monitor;
        this.client = client;
        this.root = TeachingView.create(vm, fontScale);
        root.sceneProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                close();
            }
        });
    }

    /** The tab over {@code context}'s ensemble; replay-only when it has no admin endpoints. */
    public static TeachingTab live(ClusterContext context) {
        if (context.adminEndpoints().get().isEmpty()) {
            TeachingTab t = replayOnly(context.executor());
            t.vm.statusProperty().set("No admin API known for this ensemble (external): replay only. "
                    + "Open a recording (.qlrec).");
            return t;
        }
        AdminClient client = new AdminClient(context.adminCredentials());
        TeachingViewModel vm = new TeachingViewModel(new AdminTeaching(client, context.adminEndpoints()),
                context.executor(), System::currentTimeMillis);
        return new TeachingTab(vm, new ClusterMonitor(client, context.adminEndpoints(), context.executor(), vm), client);
    }

    /** The tab without any cluster: open and replay recordings only. */
    public static TeachingTab replayOnly(TaskExecutor executor) {
        return new TeachingTab(new TeachingViewModel(null, executor, System::currentTimeMillis), null, null);
    }

    public Parent root() {
        return root;
    }

    /** The compact view of the same ViewModel (created on first use), for the Lessons tab. */
    public Parent compactRoot() {
        if (compactRoot == null) {
            compactRoot = TeachingView.createCompact(vm, fontScale);
        }
        return compactRoot;
    }

    /** Scale of the diagram's labels in both views (presenter mode binds it). */
    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    /** True when a cluster is attached (false: replay only). */
    public boolean live() {
        return monitor != null;
    }

    public TeachingViewModel viewModel() {
        return vm;
    }

    /**
     * Starts watching the ensemble (once; later calls do nothing). What each member holds is read
     * when its event stream has started, not now: read before the subscription, the events in
     * between would be lost.
     */
    public void start() {
        if (monitor != null && started.compareAndSet(false, true)) {
            monitor.start();
        }
    }

    /** Stops watching and releases the admin client. */
    public void close() {
        if (monitor != null) {
            monitor.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
