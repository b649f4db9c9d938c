package org.quorumlab.gui.connect;

import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.quorumlab.gui.service.ConnectionSpec;

/** Thin view over {@link ConnectionDialogViewModel}: the form, the saved list, Connect/Cancel. */
public final class ConnectionDialog extends Dialog<ConnectionSpec> {

    /** Builds the dialog bound to {@code vm}. */
    public ConnectionDialog(ConnectionDialogViewModel vm) {
        setTitle("Connect to an ensemble");
        TextField name = new TextField();
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField cs = new TextField();
        cs.setId("connectStringField");
        cs.setPromptText("host1:2181,host2:2181,host3:2181");
        cs.textProperty().bindBidirectional(vm.connectStringProperty());
        TextField chroot = new TextField();
        chroot.setPromptText("/app (optional)");
        chroot.textProperty().bindBidirectional(vm.chrootProperty());
        PasswordField auth = new PasswordField();
        auth.setPromptText("user:password (optional)");
        auth.textProperty().bindBidirectional(vm.digestAuthProperty());
        ResourceBundle text = ResourceBundle.getBundle(ConnectionDialogViewModel.BUNDLE);
        TextField clusterDir = new TextField();
        clusterDir.setId("clusterDirField");
        clusterDir.setPromptText(text.getString("clusterDir.prompt"));
        clusterDir.setTooltip(new Tooltip(text.getString("clusterDir.tooltip")));
        clusterDir.textProperty().bindBidirectional(vm.clusterDirProperty());
        Spinner<Integer> timeout = new Spinner<>(1000, 600_000, vm.sessionTimeoutMsProperty().get(), 1000);
        timeout.setEditable(true);
        timeout.valueProperty().addListener((o, a, b) -> vm.sessionTimeoutMsProperty().set(b));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Connection string"), cs);
        form.addRow(2, new Label("Chroot"), chroot);
        form.addRow(3, new Label("Digest auth"), auth);
        form.addRow(4, new Label("Session timeout (ms)"), timeout);
        form.addRow(5, new Label(text.getString("clusterDir.label")), clusterDir);
        Label error = new Label();
        error.getStyleClass().add("error-label");
        error.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.validate() == null ? (vm.errorProperty().get() == null ? "" : vm.errorProperty().get())
                        : vm.validate(), vm.connectStringProperty(), vm.chrootProperty(), vm.digestAuthProperty(),
                vm.clusterDirProperty(), vm.errorProperty()));

        ListView<ConnectionSpec> saved = new ListView<>(vm.saved());
        saved.setPrefSize(220, 180);
        saved.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConnectionSpec item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.load(b);
            }
        });
        Button save = new Button("Save");
        save.setOnAction(e -> vm.saveCurrent());
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            ConnectionSpec sel = saved.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.remove(sel);
            }
        });
        VBox left = new VBox(6, new Label("Saved connections"), saved, new HBox(6, save, remove));
        HBox content = new HBox(12, left, new VBox(8, form, error));
        getDialogPane().setContent(content);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        getDialogPane().lookupButton(connect).disableProperty().bind(vm.invalidProperty());
        setResultConverter(bt -> bt == connect ? vm.toSpec() : null);
    }
}
