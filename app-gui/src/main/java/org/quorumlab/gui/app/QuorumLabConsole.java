package org.quorumlab.gui.app;

import java.net.URL;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.launcher.ClusterLauncher;

/** The JavaFX application: parses arguments, optionally starts the bundled cluster, shows the main window. */
public final class QuorumLabConsole extends Application {

    private FxTaskExecutor executor;
    private MainViewModel vm;

    @Override
    public void start(Stage stage) {
        AppArgs args = AppArgs.parse(getParameters().getRaw());
        executor = new FxTaskExecutor(4);
        vm = new MainViewModel(executor, ConnectionStore.inUserHome());
        Scene scene = new Scene(MainView.create(vm), 1200, 780);
        applyTheme(scene, vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, b) -> applyTheme(scene, b));
        stage.setTitle("QuorumLab console");
        stage.setScene(scene);
        stage.show();
        if (args.connect() != null) {
            vm.connect(ConnectionSpec.parse(args.connect()));
        } else if (args.bundled()) {
            startBundled(stage, args);
        }
    }

    /** Installs the theme's stylesheet (and the console's base sheet) on {@code scene}. */
    public static void applyTheme(Scene scene, Theme theme) {
        URL base = QuorumLabConsole.class.getResource("/org/quorumlab/assets/themes/base.css");
        URL sheet = QuorumLabConsole.class.getResource(theme.resource());
        scene.getStylesheets().clear();
        if (base != null) {
            scene.getStylesheets().add(base.toExternalForm());
        }
        if (sheet != null) {
            scene.getStylesheets().add(sheet.toExternalForm());
        }
    }

    private void startBundled(Stage owner, AppArgs args) {
        Stage progress = new Stage();
        progress.initOwner(owner);
        progress.setTitle("Starting the bundled cluster");
        Label message = new Label("Starting…");
        VBox box = new VBox(12, new ProgressIndicator(), message);
        box.setPadding(new Insets(24));
        Scene s = new Scene(box, 460, 160);
        applyTheme(s, vm.themeProperty().get());
        progress.setScene(s);
        progress.show();
        executor.run(() -> BundledCluster.start(args.dir(), m -> executor.onUi(() -> message.setText(m))),
                (ClusterLauncher launcher) -> {
                    progress.close();
                    vm.useCluster(launcher, "bundled cluster");
                }, e -> message.setText("Could not start the bundled cluster: " + e.getMessage()));
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.disconnect();
            vm.shutdown();
            ClusterLauncher l = vm.launcher();
            if (l != null) {
                l.close();
            }
        }
        if (executor != null) {
            executor.close();
        }
        Platform.exit();
    }

    /** For tools and tests that build the window themselves. */
    public static Parent mainView(MainViewModel vm) {
        return MainView.create(vm);
    }
}
