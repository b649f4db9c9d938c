package org.quorumlab.gui.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.admin.AdminCredentials;

/**
 * Thin controller of MainView.fxml: toolbar, banner, tabs (rebuilt per workspace), status bar.
 * Opening a session builds only the tab on screen; the others are built when first shown, so the
 * UI thread never has the whole console to build at once. The Teaching tab and the Lessons tab's
 * live view follow the live cluster ({@link MainViewModel#liveClusterProperty()}), not the session.
 */
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
    /** Content of session tabs not shown yet: built when the tab is first selected. */
    private final Map<Tab, Supplier<Node>> unbuilt = new HashMap<>();

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
        banner.setId("connectionBanner");
        banner.textProperty().bind(vm.bannerProperty());
        // in the toolbar and always managed: showing it never moves the tabs under the pointer
        banner.visibleProperty().bind(vm.bannerVisibleProperty());
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
        for (Tab t : List.of(treeTab, watchesTab, consoleTab, clusterTab, recipesTab)) {
            t.selectedProperty().addListener((o, a, selected) -> {
                if (selected) {
                    build(t);
                }
            });
        }
        lessons = ConsoleLessons.create(vm);
        lessonsTab.setContent(lessons.root());
        vm.workspaceProperty().addListener((o, a, b) -> show(b));
        vm.liveClusterProperty().addListener((o, a, l) -> showTeachingOf(l));
        show(vm.workspaceProperty().get());
        if (vm.liveClusterProperty().get() != null) {
            showTeachingOf(vm.liveClusterProperty().get());
        }
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
            content(treeTab, () -> placeholder("Not connected. Enter a connection string and press Connect."));
            for (Tab t : List.of(watchesTab, consoleTab, clusterTab, recipesTab)) {
                content(t, () -> placeholder("Not connected."));
            }
            if (vm.liveClusterProperty().get() == null) {
                showTeaching(TeachingTab.replayOnly(vm.executor()));
            }
            lessons.showRecipes(null);
            return;
        }
        content(treeTab, () -> {
            SplitPane split = new SplitPane(TreePaneView.create(w.tree(), w.actions(), w.transfer()),
                    NodeDetailView.create(w.detail()));
            split.setDividerPositions(0.4);
            return split;
        });
        content(watchesTab, () -> WatchesView.create(w.watches()));
        content(consoleTab, () -> ConsoleView.create(w.console()));
        RecipesViewModel shownRecipes = new RecipesViewModel(vm.recipeDemo(w.session().spec().clientConnectString()),
                vm.executor());
        recipes = shownRecipes;
        content(recipesTab, () -> RecipesView.create(shownRecipes));
        ClusterContext context = new ClusterContext(vm.adminEndpoints(), vm.adminCredentials(), vm.launcher(),
                w.session().spec().connectString(), vm.executor());
        content(clusterTab, () -> {
            try {
                return ClusterTab.create(context);
            } catch (RuntimeException e) {
                return placeholder("Cluster view unavailable: " + e.getMessage());
            }
        });
        if (vm.liveClusterProperty().get() == null) {
            showTeaching(TeachingTab.live(context));
        }
        lessons.showRecipes(recipes);
    }

    /** Sets {@code tab}'s content now when it is on screen, else when it is first selected. */
    private void content(Tab tab, Supplier<Node> view) {
        if (tab.isSelected()) {
            unbuilt.remove(tab);
            tab.setContent(view.get());
        } else {
            unbuilt.put(tab, view);
            // the previous view leaves the scene now (a cluster view stops watching its ensemble)
            tab.setContent(null);
        }
    }

    private void build(Tab tab) {
        Supplier<Node> view = unbuilt.remove(tab);
        if (view != null) {
            tab.setContent(view.get());
        }
    }

    /**
     * The live views of cluster {@code l}, through its admin API, from the moment the console
     * switches to it; without a live cluster they follow the session as before (replay-only when
     * disconnected).
     */
    private void showTeachingOf(ClusterLauncher l) {
        if (l != null) {
            showTeaching(TeachingTab.live(new ClusterContext(MainViewModel.adminEndpoints(l), AdminCredentials.of(l), l,
                    l.connectString(), vm.executor())));
            return;
        }
        Workspace w = vm.workspaceProperty().get();
        showTeaching(w == null ? TeachingTab.replayOnly(vm.executor())
                : TeachingTab.live(new ClusterContext(vm.adminEndpoints(), vm.adminCredentials(), vm.launcher(),
                        w.session().spec().connectString(), vm.executor())));
    }

    private void showTeaching(TeachingTab next) {
        if (teaching != null) {
            teaching.close();
        }
        teaching = next;
        next.fontScaleProperty().bind(vm.fontScale());
        teachingTab.setContent(next.root());
        lessons.showLive(next);
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
