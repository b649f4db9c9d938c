package org.quorumlab.gui.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.quorumlab.gui.common.Fxml;

/** Thin controller of NodeDetailView.fxml. */
public final class NodeDetailView {

    private final NodeDetailViewModel vm;
    @FXML private Label pathLabel;
    @FXML private Label conflictLabel;
    @FXML private HBox conflictButtons;
    @FXML private ComboBox<ViewMode> modeBox;
    @FXML private ComboBox<Charset> charsetBox;
    @FXML private TextFlow rendered;
    @FXML private TextArea editor;
    @FXML private Button saveButton;
    @FXML private Label messageLabel;
    @FXML private TableView<NodeDetailViewModel.StatRow> statTable;
    @FXML private TableColumn<NodeDetailViewModel.StatRow, String> statName;
    @FXML private TableColumn<NodeDetailViewModel.StatRow, String> statValue;
    @FXML private TableView<AclEntry> aclTable;
    @FXML private TableColumn<AclEntry, String> aclScheme;
    @FXML private TableColumn<AclEntry, String> aclId;
    @FXML private TableColumn<AclEntry, String> aclPerms;
    @FXML private ComboBox<String> aclSchemeBox;
    @FXML private TextField aclIdField;
    @FXML private TextField aclPermsField;
    @FXML private CheckBox aclRecursive;
    @FXML private Label aclMessage;
    @FXML private Label quotaLabel;

    private NodeDetailView(NodeDetailViewModel vm) {
        this.vm = vm;
    }

    /** Builds the detail view for {@code vm}. */
    public static Parent create(NodeDetailViewModel vm) {
        return Fxml.load(new NodeDetailView(vm));
    }

    private static <S> void column(TableColumn<S, String> c, Function<S, String> f) {
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
    }

    @FXML
    private void initialize() {
        editor.setId("dataEditor");
        saveButton.setId("saveButton");
        conflictLabel.setId("conflictLabel");
        pathLabel.textProperty().bind(vm.pathProperty());
        conflictLabel.textProperty().bind(vm.conflictProperty());
        conflictLabel.visibleProperty().bind(vm.conflictProperty().isNotNull());
        conflictLabel.managedProperty().bind(conflictLabel.visibleProperty());
        conflictButtons.visibleProperty().bind(conflictLabel.visibleProperty());
        conflictButtons.managedProperty().bind(conflictLabel.visibleProperty());
        modeBox.getItems().setAll(ViewMode.values());
        modeBox.valueProperty().bindBidirectional(vm.viewModeProperty());
        charsetBox.getItems().setAll(List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
                StandardCharsets.US_ASCII, StandardCharsets.UTF_16));
        charsetBox.valueProperty().bindBidirectional(vm.charsetProperty());
        vm.tokens().addListener((ListChangeListener<SyntaxHighlighter.Token>) c -> renderTokens());
        renderTokens();
        editor.textProperty().bindBidirectional(vm.editTextProperty());
        saveButton.disableProperty().bind(vm.dirtyProperty().not());
        messageLabel.textProperty().bind(vm.messageProperty());
        statTable.setItems(vm.statRows());
        column(statName, NodeDetailViewModel.StatRow::name);
        column(statValue, NodeDetailViewModel.StatRow::value);
        AclEditorViewModel acl = vm.acl();
        aclTable.setItems(acl.entries());
        column(aclScheme, AclEntry::scheme);
        column(aclId, AclEntry::id);
        column(aclPerms, AclEntry::perms);
        aclSchemeBox.getItems().setAll("world", "digest", "ip", "auth");
        aclSchemeBox.setValue("world");
        aclRecursive.selectedProperty().bindBidirectional(acl.recursiveProperty());
        aclMessage.textProperty().bind(acl.messageProperty());
        quotaLabel.textProperty().bind(Bindings.concat(vm.quotaProperty()));
    }

    private void renderTokens() {
        rendered.getChildren().setAll(vm.tokens().stream().map(t -> {
            Text text = new Text(t.text());
            text.getStyleClass().addAll("code-text", t.styleClass());
            return text;
        }).toList());
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void reload() {
        vm.reload();
    }

    @FXML
    private void overwrite() {
        vm.overwrite();
    }

    @FXML
    private void addAcl() {
        vm.acl().add(aclSchemeBox.getValue(), aclIdField.getText(), aclPermsField.getText());
    }

    @FXML
    private void removeAcl() {
        AclEntry sel = aclTable.getSelectionModel().getSelectedItem();
        if (sel != null) {
            vm.acl().remove(sel);
        }
    }

    @FXML
    private void applyAcl() {
        vm.acl().apply(vm::reload);
    }
}
