package org.quorumlab.gui.cluster.load;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Controls of the load generator: clients, rate, read ratio, balancing policy, start/stop, status. */
public final class LoadGeneratorView extends VBox {

    public LoadGeneratorView(LoadGeneratorViewModel vm) {
        setSpacing(6);
        setPadding(new Insets(8));
        Spinner<Integer> clients = new Spinner<>(1, LoadGeneratorViewModel.MAX_CLIENTS, vm.clientsProperty().get());
        clients.setEditable(true);
        clients.valueProperty().addListener((o, a, b) -> vm.clientsProperty().set(b));
        vm.clientsProperty().addListener((o, a, b) -> clients.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> rate = new Spinner<>(1, LoadGeneratorViewModel.MAX_RATE, vm.rateProperty().get(), 100);
        rate.setEditable(true);
        rate.valueProperty().addListener((o, a, b) -> vm.rateProperty().set(b));
        vm.rateProperty().addListener((o, a, b) -> rate.getValueFactory().setValue(b.intValue()));
        Slider reads = new Slider(0, 1, vm.readRatioProperty().get());
        reads.valueProperty().bindBidirectional(vm.readRatioProperty());
        Label readsLabel = new Label();
        readsLabel.textProperty().bind(vm.readRatioProperty().multiply(100).asString("%.0f%% reads"));
        ComboBox<String> policy = new ComboBox<>();
        policy.setEditable(true);
        policy.setId("loadPolicy");
        policy.getItems().setAll(vm.policyChoices());
        policy.valueProperty().bindBidirectional(vm.policyProperty());
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(0, new Label("clients"), clients);
        grid.addRow(1, new Label("ops/s"), rate);
        grid.addRow(2, readsLabel, reads);
        grid.addRow(3, new Label("balancing"), policy);
        grid.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        Button start = new Button("Start load");
        start.setId("startLoad");
        start.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(new Label("Load generator"), grid, new HBox(6, start, stop, busy), status);
    }
}
