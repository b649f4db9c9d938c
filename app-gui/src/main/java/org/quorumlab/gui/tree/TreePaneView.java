package org.quorumlab.gui.tree;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.FileChooser;
import org.quorumlab.gui.common.Fxml;
import org.quorumlab.gui.io.TransferViewModel;

/** Thin controller of TreePaneView.fxml: the lazy tree, search, node actions and transfers. */
public final class TreePaneView {

    private final TreeViewModel vm;
    private final NodeActionsViewModel actions;
    private final TransferViewModel transfer;
    @FXML private TextField pathFilter;
    @FXML private TextField contentFilter;
    @FXML private ComboBox<SortKey> sortBox;
    @FXML private TreeView<ZNodeModel> tree;
    @FXML private ListView<String> results;
    @FXML private ProgressBar transferProgress;
    @FXML private Label status;
    private ZNodeTreeItem rootItem;
    private boolean syncingSelection;

    private TreePaneView(TreeViewModel vm, NodeActionsViewModel actions, TransferViewModel transfer) {
        this.vm = vm;
        this.actions = actions;
        this.transfer = transfer;
    }

    /** Builds the tree pane. */
    public static Parent create(TreeViewModel vm, NodeActionsViewModel actions, TransferViewModel transfer) {
        return Fxml.load(new TreePaneView(vm, actions, transfer));
    }

    @FXML
    private void initialize() {
        tree.setId("znodeTree");
        pathFilter.textProperty().bindBidirectional(vm.pathFilterProperty());
        contentFilter.textProperty().bindBidirectional(vm.contentFilterProperty());
        sortBox.getItems().setAll(SortKey.values());
        sortBox.valueProperty().bindBidirectional(vm.sortKeyProperty());
        rootItem = new ZNodeTreeItem(vm.root(), vm);
        tree.setRoot(rootItem);
        rootItem.setExpanded(true);
        tree.setCellFactory(t -> new ZNodeCell(vm));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue().placeholder()) {
                // changing the tree's items inside a selection event confuses the selection model: defer
                Platform.runLater(() -> {
                    tree.getSelectionModel().clearSelection();
                    vm.showMore(b.getValue().parent());
                });
            } else if (!syncingSelection && b != null) {
                vm.selectedProperty().set(b.getValue());
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> selectInTree(b));
        results.setItems(vm.searchResults());
        results.setPlaceholder(new Label("Find lists matching paths here"));
        results.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.reveal(b);
            }
        });
        transferProgress.progressProperty().bind(transfer.progressProperty());
        transferProgress.visibleProperty().bind(transfer.runningProperty());
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> firstNonBlank(transfer.messageProperty().get(), actions.messageProperty().get(), vm.statusProperty().get()),
                transfer.messageProperty(), actions.messageProperty(), vm.statusProperty()));
        actions.messageProperty().addListener((o, a, b) -> transfer.messageProperty().set(""));
        vm.statusProperty().addListener((o, a, b) -> {
            transfer.messageProperty().set("");
            actions.messageProperty().set("");
        });
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) {
                return x;
            }
        }
        return "";
    }

    private void selectInTree(ZNodeModel model) {
        if (model == null) {
            return;
        }
        List<ZNodeModel> chain = new ArrayList<>();
        for (ZNodeModel m = model; m != null; m = m.parent()) {
            chain.add(0, m);
        }
        ZNodeTreeItem item = rootItem;
        for (int i = 1; i < chain.size() && item != null; i++) {
            item.setExpanded(true);
            item = item.itemFor(chain.get(i));
        }
        if (item != null && tree.getSelectionModel().getSelectedItem() != item) {
            syncingSelection = true;
            tree.getSelectionModel().select(item);
            syncingSelection = false;
            tree.scrollTo(Math.max(0, tree.getRow(item) - 3));
        }
    }

    private String selectedPath() {
        TreeItem<ZNodeModel> sel = tree.getSelectionModel().getSelectedItem();
        return sel == null ? "/" : sel.getValue().path();
    }

    @FXML
    private void search() {
        vm.search();
    }

    @FXML
    private void create() {
        String parent = selectedPath();
        NodeDialogs.create(parent).ifPresent(r -> actions.create(parent, r.name(), r.data(), r.mode(), r.ttlMs(),
                created -> vm.refreshStat(parent)));
    }

    @FXML
    private void delete() {
        String p = selectedPath();
        if (p.equals("/")) {
            return;
        }
        actions.countSubtree(p, n -> {
            if (NodeDialogs.confirmDelete(p, n)) {
                actions.deleteRecursive(p, () -> { });
            }
        });
    }

    @FXML
    private void copy() {
        String p = selectedPath();
        NodeDialogs.target("Copy " + p + " to", p + "-copy").ifPresent(t -> actions.copy(p, t));
    }

    @FXML
    private void move() {
        String p = selectedPath();
        NodeDialogs.target("Move/rename " + p + " to", p).ifPresent(t -> actions.move(p, t, vm::reveal));
    }

    private File chooseFile(boolean save, String initialName) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("QuorumLab tree JSON", "*.json"));
        fc.setInitialFileName(initialName);
        return save ? fc.showSaveDialog(tree.getScene().getWindow()) : fc.showOpenDialog(tree.getScene().getWindow());
    }

    @FXML
    private void exportSubtree() {
        String p = selectedPath();
        File f = chooseFile(true, (p.equals("/") ? "root" : p.substring(1).replace('/', '_')) + ".json");
        if (f != null) {
            transfer.export(p, f.toPath());
        }
    }

    @FXML
    private void importSubtree() {
        File f = chooseFile(false, "");
        if (f != null) {
            transfer.importUnder(f.toPath(), selectedPath());
        }
    }

    @FXML
    private void backup() {
        File f = chooseFile(true, "quorumlab-backup.json");
        if (f != null) {
            transfer.backup(f.toPath());
        }
    }

    @FXML
    private void restore() {
        File f = chooseFile(false, "");
        if (f != null) {
            transfer.restore(f.toPath());
        }
    }
}
