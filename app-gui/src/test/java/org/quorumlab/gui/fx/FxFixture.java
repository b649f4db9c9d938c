package org.quorumlab.gui.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.quorumlab.gui.app.MainViewModel;
import org.quorumlab.gui.app.QuorumLabConsole;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.lessons.LessonSettings;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real main window on a stage, with a temp connection store. */
final class FxFixture {

    private FxFixture() {
    }

    static MainViewModel show(Stage stage, Theme theme, int width, int height) throws Exception {
        Path store = Files.createTempDirectory("gui-fx").resolve("connections.json");
        return show(stage, theme, width, height, new MainViewModel(new FxTaskExecutor(3), new ConnectionStore(store)));
    }

    /** The main window whose lessons run their cluster with {@code lessons} (a temp dir). */
    static MainViewModel show(Stage stage, Theme theme, int width, int height, LessonSettings lessons) throws Exception {
        Path store = Files.createTempDirectory("gui-fx").resolve("connections.json");
        return show(stage, theme, width, height, new MainViewModel(new FxTaskExecutor(3), new ConnectionStore(store), lessons));
    }

    private static MainViewModel show(Stage stage, Theme theme, int width, int height, MainViewModel vm) {
        vm.themeProperty().set(theme);
        Scene scene = new Scene(QuorumLabConsole.mainView(vm), width, height);
        QuorumLabConsole.applyTheme(scene, theme);
        vm.themeProperty().addListener((o, a, b) -> QuorumLabConsole.applyTheme(scene, b));
        stage.setScene(scene);
        // TestFX reuses one stage: a size an earlier test set explicitly would otherwise stay
        stage.sizeToScene();
        stage.show();
        return vm;
    }

    /**
     * Waits until {@code condition} holds, evaluating it on the FX thread: the scene graph (and what
     * a canvas last drew) is only consistent there, and a condition that reads two nodes sees them
     * at the same moment.
     */
    static void await(String what, BooleanSupplier condition) throws Exception {
        await(what, condition, () -> "");
    }

    /** {@link #await(String, BooleanSupplier)}, with {@code explain} (called on failure) in the message. */
    static void await(String what, BooleanSupplier condition, Supplier<String> explain) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            String details = explain.get();
            throw new AssertionError("timed out waiting for " + what + (details.isEmpty() ? "" : ": " + details), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * {@code condition} evaluated on the FX thread; false while that thread is too busy to answer,
     * or when the condition throws (a node not in the scene yet).
     */
    private static boolean onFx(BooleanSupplier condition) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                try {
                    return condition.getAsBoolean();
                } catch (RuntimeException notYet) {
                    return false;
                }
            }).get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException busy) {
            return false;
        }
    }
}
