package org.quorumlab.gui.cluster;

import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.cluster.load.LoadGeneratorView;
import org.quorumlab.gui.cluster.load.LoadGeneratorViewModel;

/**
 * Entry point the shell calls: builds the cluster view (diagram + actions, timeline, charts with
 * the load generator, event log) and starts watching the ensemble. Monitoring stops when the
 * returned node leaves its scene.
 */
public final class ClusterTab {

    private ClusterTab() {
    }

    /** The cluster view for {@code context}. */
    public static Parent create(ClusterContext context) {
        return build(context).root();
    }

    /** The view, its ViewModels and the running monitor (tests and screenshots use this). */
    record Built(Parent root, ClusterTabViewModel vm, ClusterMonitor monitor, AdminClient client) {
    }

    static Built build(ClusterContext context) {
        AdminClient client = new AdminClient(context.adminCredentials());
        ClusterControl control = context.launcher() == null ? null : new LauncherControl(context.launcher());
        ClusterActionsViewModel actions = new ClusterActionsViewModel(control,
                new AdminFaults(client, context.adminEndpoints()), context.executor());
        ClusterTabViewModel vm = new ClusterTabViewModel(new EventLogViewModel(context.executor()), actions,
                new LoadGeneratorViewModel(context.executor(), context.connectString()));
        ClusterMonitor monitor = new ClusterMonitor(client, context.adminEndpoints(), context.executor(), vm);

        ClusterDiagram diagram = new ClusterDiagram(vm.cluster());
        diagram.setOnNodeContextMenu((n, at) -> {
            if (actions.manageableProperty().get()) {
                NodeActionsPanel.contextMenu(n, actions).show(diagram, at.getX(), at.getY());
            }
        });
        SplitPane top = new SplitPane(diagram, new NodeActionsPanel(vm.cluster(), actions));
        top.setDividerPositions(0.72);
        SplitPane clusterPane = new SplitPane(top, new TimelineView(vm.timeline()));
        clusterPane.setOrientation(javafx.geometry.Orientation.VERTICAL);
        clusterPane.setDividerPositions(0.66);

        TabPane tabs = new TabPane(new Tab("Cluster", clusterPane),
                new Tab("Charts", new ChartsView(vm.charts(), new LoadGeneratorView(vm.load()))),
                new Tab("Event log", new EventLogView(vm.log())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("clusterTabs");
        BorderPane root = new BorderPane(tabs);
        root.getStyleClass().add("cluster-tab");
        root.sceneProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                vm.load().stop();
                monitor.close();
                client.close();
            }
        });
        monitor.start();
        return new Built(root, vm, monitor, client);
    }
}
