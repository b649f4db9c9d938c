package org.quorumlab.gui.app;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.quorumlab.gui.cluster.ClusterContext;
import org.quorumlab.gui.cluster.ClusterTab;
import org.quorumlab.gui.common.Fxml;
import org.quorumlab.gui.connect.ConnectionDialog;
import org.quorumlab.gui.connect.ConnectionDialogViewModel;
import org.quorumlab.gui.console.ConsoleView;
import org.quorumlab.gui.data.NodeDetailView;
import org.quorumlab.gui.recipes.RecipesView;
import org.quorumlab.gui.recipes.RecipesViewModel;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.teaching.TeachingTab;
import org.quorumlab.gui.tree.TreePaneView;
import org.quorumlab.gui.watches.WatchesView;

/** Thin controller of MainView.fxml: toolbar, banner, tabs (rebuilt per workspace), status bar. */
public final class MainView {

    private final MainViewModel vm;
    private RecipesViewModel recipes;
    @FXML private ComboBox<String> connectionBox;
    @FXML private Button connectButton;
    @FXML private ToggleButton themeToggle;
    @FXML private Label banner;
    @FXML private TabPane tabs;
    @FXML private Tab treeTab;
    @FXML private Tab watchesTab;
    @FXML private Tab consoleTab;
    @FXML private Tab clusterTab;
    @FXML private Tab recipesTab;
    @FXML private Tab teachingTab;
    @FXML private Tab lessonsTab;
    @FXML private BorderPane root;
    @FXML private CheckMenuItem presenterItem;
    @FXML private Region stateDot;
    @FXML private Label status;
    @FXML private ProgressIndicator connecting;
    private TeachingTab teaching;
    private ConsoleLessons lessons;

    private MainView(MainViewModel vm) {
        this.vm = vm;
    }

    /** Builds the main window content for {@code vm}. */
    public static Parent create(MainViewModel vm) {
        return Fxml.load(new MainView(vm));
    }

    @FXML
    private void initialize() {
        connectionBox.setId("connectionBox");
        connectButton.setId("connectButton");
        tabs.setId("mainTabs");
        connectionBox.getEditor().textProperty().bindBidirectional(vm.connectionTextProperty());
        vm.savedConnections().addListener((javafx.collections.ListChangeListener<ConnectionSpec>) c -> fillSaved());
        fillSaved();
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerVisibleProperty());
        banner.managedProperty().bind(vm.bannerVisibleProperty());
        status.textProperty().bind(vm.statusProperty());
        connecting.visibleProperty().bind(vm.connectingProperty());
        connectButton.disableProperty().bind(vm.connectingProperty());
        vm.stateProperty().addListener((o, a, b) -> stateDot.getStyleClass().setAll("state-dot",
                b == ZkSession.State.CONNECTED ? "state-ok" : "state-bad"));
        themeToggle.selectedProperty().addListener((o, a, b) -> themeToggle.setText(b ? "Light" : "Dark"));
        // the Teaching and Lessons tabs share one teaching view per cluster; either one starts watching
        for (Tab t : java.util.List.of(teachingTab, lessonsTab)) {
            t.selectedProperty().addListener((o, a, selected) -> {
                if (selected && teaching != null) {
                    teaching.start();
                }
            });
        }
        lessons = ConsoleLessons.create(vm);
        lessonsTab.setContent(lessons.root());
        vm.workspaceProperty().addListener((o, a, b) -> show(b));
        show(vm.workspaceProperty().get());
        presenterItem.setId("presenterMode");
        presenterItem.selectedProperty().bindBidirectional(vm.presenterModeProperty());
        // an inline root font size beats the themes' .root rule; everything sized in em follows it
        vm.presenterModeProperty().addListener((o, a, b) -> applyFontSize());
        applyFontSize();
    }

    private void applyFontSize() {
        boolean presenter = vm.presenterModeProperty().get();
        root.setStyle(presenter ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", vm.fontSizePx()) : "");
        // the style class lets a theme restyle presenter mode (assets' fonts.css has a .root.presenter rule)
        root.getStyleClass().remove("presenter");
        if (presenter) {
            root.getStyleClass().add("presenter");
        }
    }

    private void fillSaved() {
        String text = connectionBox.getEditor().getText();
        connectionBox.getItems().setAll(vm.savedConnections().stream().map(ConnectionSpec::label).toList());
        connectionBox.getEditor().setText(text);
    }

    private void show(Workspace w) {
        if (recipes != null) {
            recipes.close();
            recipes = null;
        }
        if (w == null) {
            Node empty = placeholder("Not connected. Enter a connection string and press Connect.");
            treeTab.setContent(empty);
            watchesTab.setContent(placeholder("Not connected."));
            consoleTab.setContent(placeholder("Not connected."));
            clusterTab.setContent(placeholder("Not connected."));
            recipesTab.setContent(placeholder("Not connected."));
            showTeaching(TeachingTab.replayOnly(vm.executor()), null);
            return;
        }
        SplitPane split = new SplitPane(TreePaneView.create(w.tree(), w.actions(), w.transfer()),
                NodeDetailView.create(w.detail()));
        split.setDividerPositions(0.4);
        treeTab.setContent(split);
        watchesTab.setContent(WatchesView.create(w.watches()));
        consoleTab.setContent(ConsoleView.create(w.console()));
        recipes = new RecipesViewModel(vm.recipeDemo(w.session().spec().clientConnectString()), vm.executor());
        recipesTab.setContent(RecipesView.create(recipes));
        ClusterContext context = new ClusterContext(vm.adminEndpoints(), vm.adminCredentials(), vm.launcher(),
                w.session().spec().connectString(), vm.executor());
        try {
            clusterTab.setContent(ClusterTab.create(context));
        } catch (RuntimeException e) {
            clusterTab.setContent(placeholder("Cluster view unavailable: " + e.getMessage()));
        }
        showTeaching(TeachingTab.live(context), recipes);
    }

    private void showTeaching(TeachingTab next, RecipesViewModel recipesShown) {
        if (teaching != null) {
            teaching.close();
        }
        teaching = next;
        next.fontScaleProperty().bind(vm.fontScale());
        teachingTab.setContent(next.root());
        lessons.show(next, recipesShown);
        if (teachingTab.isSelected() || lessonsTab.isSelected()) {
            next.start();
        }
    }

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        return new StackPane(l);
    }

    @FXML
    private void connect() {
        vm.connectToText();
    }

    @FXML
    private void disconnect() {
        vm.disconnect();
    }

    @FXML
    private void toggleTheme() {
        vm.toggleTheme();
    }

    @FXML
    private void openDialog() {
        ConnectionDialogViewModel dvm = new ConnectionDialogViewModel(vm.store(), vm.executor());
        ConnectionDialog dialog = new ConnectionDialog(dvm);
        dialog.initOwner(tabs.getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(tabs.getScene().getStylesheets());
        dialog.showAndWait().ifPresent(spec -> {
            dvm.saveCurrent();
            vm.savedConnections().setAll(dvm.saved());
            vm.connect(spec);
        });
    }
}
