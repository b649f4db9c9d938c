package org.quorumlab.gui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.lessons.LessonSettings;
import org.quorumlab.gui.lessons.RecipeRunner;
import org.quorumlab.gui.recipes.ClientRow;
import org.quorumlab.gui.recipes.Recipe;
import org.quorumlab.gui.recipes.RecipesViewModel;

/**
 * A lesson's {@code runRecipe} drives the very demo the Recipes tab shows: one demo per connection,
 * owned by the main ViewModel, on a real in-process server.
 */
class SharedRecipeDemoTest extends ServerBackedTest {

    @TempDir
    Path dir;
    MainViewModel main;
    RecipesViewModel recipesTab;

    @BeforeEach
    void setUp() {
        main = new MainViewModel(TaskExecutor.synchronous(), new ConnectionStore(dir.resolve("connections.json")),
                LessonSettings.fast(dir.resolve("lesson-cluster")));
        recipesTab = new RecipesViewModel(main.recipeDemo(server.connectString()), TaskExecutor.synchronous());
    }

    @AfterEach
    void tearDown() {
        main.shutdown();
    }

    @Test
    void aLessonsRunRecipeUpdatesTheDemoTheRecipesTabShows() {
        assertThat(main.recipeDemo(" " + server.connectString() + " ")).as("one demo per connection")
                .isSameAs(recipesTab.demo());
        assertThat(recipesTab.recipeProperty().get()).isEqualTo(Recipe.LOCK);

        RecipeRunner lessonRunner = main.recipeRunners().connect(server.connectString());
        lessonRunner.start("leaderLatch", 3);

        assertThat(recipesTab.demo().isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recipesTab.refresh();
            return recipesTab.clients().size() == 3
                    && recipesTab.clients().stream().filter(r -> r.state().equals("LEADER")).count() == 1;
        });
        assertThat(recipesTab.recipeProperty().get()).as("the tab's choice follows the lesson")
                .isEqualTo(Recipe.LEADER_LATCH);
        assertThat(recipesTab.clientCountProperty().get()).isEqualTo("3");
        assertThat(recipesTab.runningProperty().get()).isTrue();
        assertThat(recipesTab.headlineProperty().get()).isEqualTo(lessonRunner.headline());
        assertThat(recipesTab.clients()).extracting(ClientRow::state)
                .containsExactlyElementsOf(lessonRunner.clientStates());

        lessonRunner.close();
        recipesTab.refresh();
        assertThat(recipesTab.runningProperty().get()).as("stopping the lesson's clients stops the tab's demo").isFalse();
        lessonRunner.start("lock", 2);
        recipesTab.refresh();
        assertThat(recipesTab.runningProperty().get()).as("the shared demo stays usable").isTrue();
        assertThat(recipesTab.recipeProperty().get()).isEqualTo(Recipe.LOCK);
        assertThat(recipesTab.clients()).hasSize(2);
    }
}
