package org.quorumlab.gui.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Recipes tab in a real (headless Monocle) scene: it refreshes itself and colours the states. */
@ExtendWith(ApplicationExtension.class)
class RecipesViewFxTest {

    static TestServer server;
    private FxTaskExecutor executor;
    private RecipesViewModel vm;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor(2);
        vm = new RecipesViewModel(new RecipeDemo(server.connectString(), RecipeThreads.SHORTEST), executor);
        stage.setScene(new Scene(RecipesView.create(vm), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.demo().close();
        executor.close();
        RecipeThreads.awaitNoneLeft();
    }

    @Test
    void startsClientsShowsHolderAndSafetyAndRefusesBadCounts(FxRobot robot) {
        Label error = robot.lookup("#recipeError").queryAs(Label.class);
        robot.doubleClickOn("#recipeClientsField").write("51");
        robot.clickOn("#recipeStartButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.getText()).isEqualTo("clients must be between 1 and 50, not 51");

        robot.doubleClickOn("#recipeClientsField").write("4");
        robot.clickOn("#recipeStartButton");
        TableView<?> table = robot.lookup("#recipeClientTable").queryAs(TableView.class);
        Label headline = robot.lookup("#recipeHeadline").queryAs(Label.class);
        Label safety = robot.lookup("#recipeSafety").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> table.getItems().size() == 4
                && headline.getText().matches("client \\d holds the lock; 3 waiting; \\d+ acquisitions")
                && !robot.lookup(".recipe-state-holding").queryAll().isEmpty());
        assertThat(error.getText()).isEmpty();
        assertThat(safety.getText()).startsWith("max 1 holder at a time observed");
        assertThat(safety.getStyleClass()).contains("safe");

        robot.clickOn("#recipeStopButton");
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup(".recipe-state-stopped").queryAll().size() == 4);
    }
}
