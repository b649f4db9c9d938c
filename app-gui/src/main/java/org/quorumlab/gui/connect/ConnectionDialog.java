package org.quorumlab.gui.connect;

import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
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
        ResourceBundle text = ResourceBundle.getBundle(ConnectionDialogViewModel.BUNDLE);
        setTitle(text.getString("title"));
        TextField name = new TextField();
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField cs = new TextField();
        cs.setId("connectStringField");
        cs.setPromptText(text.getString("connectString.prompt"));
        cs.textProperty().bindBidirectional(vm.connectStringProperty());
        TextField chroot = new TextField();
        chroot.setPromptText(text.getString("chroot.prompt"));
        chroot.textProperty().bindBidirectional(vm.chrootProperty());
        PasswordField auth = new PasswordField();
        auth.setPromptText(text.getString("digestAuth.prompt"));
        auth.textProperty().bindBidirectional(vm.digestAuthProperty());
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
        form.addRow(0, new Label(text.getString("name")), name);
        form.addRow(1, new Label(text.getString("connectString")), cs);
        form.addRow(2, new Label(text.getString("chroot")), chroot);
        form.addRow(3, new Label(text.getString("digestAuth")), auth);
        form.addRow(4, new Label(text.getString("sessionTimeout")), timeout);
        form.addRow(5, new Label(text.getString("clusterDir.label")), clusterDir);
        addTlsRows(form, 6, vm, text);
        Label error = new Label();
        error.getStyleClass().add("error-label");
        error.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.validate() == null ? (vm.errorProperty().get() == null ? "" : vm.errorProperty().get())
                        : vm.validate(), vm.connectStringProperty(), vm.chrootProperty(), vm.digestAuthProperty(),
                vm.clusterDirProperty(), vm.tlsEnabledProperty(), vm.trustStoreProperty(), vm.keyStoreProperty(),
                vm.errorProperty()));

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
        Button save = new Button(text.getString("save"));
        save.setOnAction(e -> vm.saveCurrent());
        Button remove = new Button(text.getString("remove"));
        remove.setOnAction(e -> {
            ConnectionSpec sel = saved.getSelectionModel().getSelectedItem();
            if (sel != null) {
                vm.remove(sel);
            }
        });
        VBox left = new VBox(6, new Label(text.getString("saved")), saved, new HBox(6, save, remove));
        HBox content = new HBox(12, left, new VBox(8, form, error));
        getDialogPane().setContent(content);
        ButtonType connect = new ButtonType(text.getString("connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        getDialogPane().lookupButton(connect).disableProperty().bind(vm.invalidProperty());
        setResultConverter(bt -> bt == connect ? vm.toSpec() : null);
    }

    /** The TLS check box and, enabled by it, the trust store and optional client certificate with their passwords. */
    private static void addTlsRows(GridPane form, int row, ConnectionDialogViewModel vm, ResourceBundle text) {
        CheckBox enabled = new CheckBox(text.getString("tls.enabled"));
        enabled.setId("tlsEnabled");
        enabled.selectedProperty().bindBidirectional(vm.tlsEnabledProperty());
        TextField trustStore = new TextField();
        trustStore.setId("tlsTrustStore");
        trustStore.setPromptText(text.getString("tls.trustStore.prompt"));
        trustStore.textProperty().bindBidirectional(vm.trustStoreProperty());
        PasswordField trustPassword = new PasswordField();
        trustPassword.setPromptText(text.getString("tls.password"));
        trustPassword.textProperty().bindBidirectional(vm.trustStorePasswordProperty());
        TextField keyStore = new TextField();
        keyStore.setId("tlsKeyStore");
        keyStore.setPromptText(text.getString("tls.keyStore.prompt"));
        keyStore.textProperty().bindBidirectional(vm.keyStoreProperty());
        PasswordField keyPassword = new PasswordField();
        keyPassword.setPromptText(text.getString("tls.password"));
        keyPassword.textProperty().bindBidirectional(vm.keyStorePasswordProperty());
        for (javafx.scene.Node n : new javafx.scene.Node[] {trustStore, trustPassword, keyStore, keyPassword}) {
            n.disableProperty().bind(enabled.selectedProperty().not());
        }
        form.addRow(row, new Label(text.getString("tls")), enabled);
        form.addRow(row + 1, new Label(text.getString("tls.trustStore")), new HBox(6, trustStore, trustPassword));
        form.addRow(row + 2, new Label(text.getString("tls.keyStore")), new HBox(6, keyStore, keyPassword));
    }
}
