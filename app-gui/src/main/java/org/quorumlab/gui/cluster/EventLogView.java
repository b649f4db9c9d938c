package org.quorumlab.gui.cluster;

import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.quorumlab.launcher.admin.ClusterEvent;

/** Table of every streamed event with type/server/text filters and JSON-lines export. */
final class EventLogView extends BorderPane {

    EventLogView(EventLogViewModel vm) {
        ChoiceBox<String> type = new ChoiceBox<>(vm.types());
        type.valueProperty().bindBidirectional(vm.typeFilterProperty());
        ChoiceBox<String> server = new ChoiceBox<>(vm.servers());
        server.valueProperty().bindBidirectional(vm.serverFilterProperty());
        TextField text = new TextField();
        text.setPromptText("filter text");
        text.textProperty().bindBidirectional(vm.textFilterProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button export = new Button("Export JSON lines...");
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("quorumlab-events.jsonl");
            File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        HBox top = new HBox(8, new Label("type"), type, new Label("server"), server, text, export, message);
        top.setPadding(new Insets(4));
        TableView<ClusterEvent> table = new TableView<>(vm.filtered());
        table.setId("eventTable");
        table.getColumns().add(column("time", 95, e -> String.format("%tT.%<tL", e.ts())));
        table.getColumns().add(column("server", 55, e -> Long.toString(e.server())));
        table.getColumns().add(column("type", 140, ClusterEvent::type));
        TableColumn<ClusterEvent, String> fields = column("fields", 700, ClusterEvent::summary);
        table.getColumns().add(fields);
        setTop(top);
        setCenter(table);
    }

    private static TableColumn<ClusterEvent, String> column(String name, double width,
            Function<ClusterEvent, String> f) {
        TableColumn<ClusterEvent, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }
}
