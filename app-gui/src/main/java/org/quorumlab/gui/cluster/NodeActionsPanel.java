package org.quorumlab.gui.cluster;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Side panel of the cluster view: node list and selection, per-node buttons (stop, kill -9,
 * restart, remove; hidden for an external ensemble), global buttons (add node, add observer,
 * partition, heal, rolling restart), progress indicator and outcome messages.
 */
final class NodeActionsPanel extends VBox {

    NodeActionsPanel(ClusterViewModel cluster, ClusterActionsViewModel actions) {
        setSpacing(8);
        setPadding(new Insets(8));
        setPrefWidth(300);

        Label summary = new Label();
        summary.setId("clusterSummary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> cluster.nodes().size() + " nodes, leader "
                + (cluster.leaderId() < 0 ? "none" : cluster.leaderId()), cluster.revisionProperty(),
                cluster.leaderIdProperty(), cluster.nodes()));
        summary.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");

        ListView<NodeModel> list = new ListView<>(cluster.nodes());
        list.setId("nodeList");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NodeModel n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : "node " + n.id() + "  " + (n.isAlive() ? n.role().label() : "down")
                        + "  epoch " + n.epochProperty().get() + "  " + n.lastZxidHex());
            }
        });
        cluster.revisionProperty().addListener((o, a, b) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                cluster.selectedProperty().set(b);
            }
        });
        cluster.selectedProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(b);
            }
        });

        Label selectedLabel = new Label();
        selectedLabel.textProperty().bind(Bindings.createStringBinding(() -> cluster.selectedProperty().get() == null
                ? "Select a node" : "Node " + cluster.selectedProperty().get().id(), cluster.selectedProperty()));
        Button stop = nodeButton("Stop", "Graceful stop (SIGTERM)", cluster, actions::stop);
        Button kill = nodeButton("Kill -9", "SIGKILL, no goodbye", cluster, actions::kill);
        Button start = nodeButton("Start", "Start a stopped member", cluster, actions::start);
        Button restart = nodeButton("Restart", "Stop, start, wait until serving", cluster, actions::restart);
        Button remove = nodeButton("Remove", "Reconfig the node out, then stop it", cluster, actions::remove);
        FlowPane nodeButtons = new FlowPane(6, 6, stop, kill, start, restart, remove);
        VBox nodeBox = new VBox(6, selectedLabel, nodeButtons);
        nodeBox.visibleProperty().bind(actions.manageableProperty());
        nodeBox.managedProperty().bind(actions.manageableProperty());

        Button add = button("Add node", "Spawn a server and join it by reconfig", actions::addNode);
        add.visibleProperty().bind(actions.manageableProperty());
        add.managedProperty().bind(actions.manageableProperty());
        Button addObserver = button("Add observer", "Spawn a non-voting server and join it by reconfig",
                actions::addObserver);
        addObserver.visibleProperty().bind(actions.manageableProperty());
        addObserver.managedProperty().bind(actions.manageableProperty());
        Button rolling = button("Rolling restart", "Restart members one by one, leader last", actions::rollingRestart);
        rolling.visibleProperty().bind(actions.manageableProperty());
        rolling.managedProperty().bind(actions.manageableProperty());
        Button restartCluster = button(actions.text().getString("restartCluster.button"),
                actions.text().getString("restartCluster.tooltip"), actions::restartCluster);
        restartCluster.setId("restartCluster");
        restartCluster.visibleProperty().bind(actions.manageableProperty());
        restartCluster.managedProperty().bind(actions.manageableProperty());
        restartCluster.disableProperty().bind(actions.canRestartClusterProperty().not());
        Button partition = button("Partition...", "Cut links between groups of nodes", () -> new PartitionDialog(
                cluster.nodes().stream().map(NodeModel::id).toList()).showAndWait().ifPresent(actions::partition));
        Button heal = button("Heal", "Remove every partition/drop/delay", actions::heal);
        FlowPane global = new FlowPane(6, 6, add, addObserver, partition, heal, rolling);
        global.disableProperty().bind(actions.busyProperty());
        FlowPane whole = new FlowPane(6, 6, restartCluster);
        nodeButtons.disableProperty().bind(actions.busyProperty().or(cluster.selectedProperty().isNull()));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(actions.busyProperty());
        Label message = new Label();
        message.setId("actionMessage");
        message.setWrapText(true);
        message.textProperty().bind(actions.messageProperty());
        HBox status = new HBox(6, progress, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        ListView<String> history = new ListView<>(actions.history());
        history.setPrefHeight(120);
        VBox.setVgrow(history, Priority.ALWAYS);

        getChildren().addAll(summary, list, nodeBox, new Separator(), new Label("Cluster"), global, whole, new Separator(),
                status, history);
    }

    /** The right-click menu of a node in the diagram. */
    static ContextMenu contextMenu(NodeModel n, ClusterActionsViewModel actions) {
        ContextMenu menu = new ContextMenu();
        long id = n.id();
        menu.getItems().addAll(item("Stop node " + id, () -> actions.stop(id)),
                item("Kill -9 node " + id, () -> actions.kill(id)), item("Start node " + id, () -> actions.start(id)),
                item("Restart node " + id, () -> actions.restart(id)), item("Remove node " + id, () -> actions.remove(id)));
        return menu;
    }

    private static MenuItem item(String text, Runnable r) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }

    private static Button nodeButton(String text, String tip, ClusterViewModel cluster,
            java.util.function.LongConsumer action) {
        return button(text, tip, () -> {
            NodeModel n = cluster.selectedProperty().get();
            if (n != null) {
                action.accept(n.id());
            }
        });
    }

    private static Button button(String text, String tip, Runnable r) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> r.run());
        return b;
    }
}
