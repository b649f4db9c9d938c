package org.quorumlab.gui.tree;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import org.apache.zookeeper.CreateMode;

/** Small modal dialogs for node actions; they only collect input. */
final class NodeDialogs {

    /** What the create dialog collected. */
    record CreateRequest(String name, String data, CreateMode mode, long ttlMs) {
    }

    private NodeDialogs() {
    }

    static Optional<CreateRequest> create(String parent) {
        Dialog<CreateRequest> d = new Dialog<>();
        d.setTitle("Create node under " + parent);
        TextField name = new TextField();
        name.setPromptText("name");
        ComboBox<CreateMode> mode = new ComboBox<>();
        mode.getItems().setAll(CreateMode.values());
        mode.setValue(CreateMode.PERSISTENT);
        TextField ttl = new TextField("60000");
        ttl.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> mode.getValue() == null || !mode.getValue().isTTL(), mode.valueProperty()));
        TextArea data = new TextArea();
        data.setPrefRowCount(4);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("Type"), mode);
        g.addRow(2, new Label("TTL (ms)"), ttl);
        g.addRow(3, new Label("Data"), data);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(bt -> bt == ButtonType.OK && !name.getText().isBlank()
                ? new CreateRequest(name.getText().trim(), data.getText(), mode.getValue(), parseTtl(ttl.getText()))
                : null);
        return d.showAndWait();
    }

    private static long parseTtl(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean confirmDelete(String path, int count) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + path + (count > 1 ? " and its "
                + (count - 1) + " descendant" + (count == 2 ? "" : "s") : "") + " (" + count + " node"
                + (count == 1 ? "" : "s") + " in total)?", ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Delete " + count + " node" + (count == 1 ? "" : "s"));
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    static Optional<String> target(String title, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText("Target path");
        return d.showAndWait().map(String::trim).filter(s -> s.startsWith("/"));
    }
}
