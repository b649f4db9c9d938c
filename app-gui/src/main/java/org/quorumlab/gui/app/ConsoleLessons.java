package org.quorumlab.gui.app;

import java.util.SplittableRandom;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.quorumlab.gui.lessons.LessonActions;
import org.quorumlab.gui.lessons.LessonCatalog;
import org.quorumlab.gui.lessons.LessonPlayerView;
import org.quorumlab.gui.lessons.LessonPlayerViewModel;
import org.quorumlab.gui.recipes.RecipeClientsPanel;
import org.quorumlab.gui.recipes.RecipesViewModel;
import org.quorumlab.gui.teaching.TeachingTab;

/**
 * The Lessons tab as one workshop screen: the lesson player beside a live teaching view of the
 * cluster the console shows (the same {@link TeachingTab} ViewModel as the Teaching tab), with the
 * recipe demo's clients under a {@code runRecipe} step (the same demo as the Recipes tab). Lessons
 * run on their own cluster ({@link MainViewModel#lessonSettings()}, by default
 * {@code ~/.quorumlab/lesson-cluster}); when a lesson starts it, the console switches to it
 * ({@link MainViewModel#useCluster}) before the step reports its outcome, and {@link #showLive}
 * follows at once. The cluster closes on exit.
 */
final class ConsoleLessons {

    private final LessonPlayerViewModel player;
    private final LessonPlayerView view;

    private ConsoleLessons(LessonPlayerViewModel player) {
        this.player = player;
        this.view = LessonPlayerView.load(player);
    }

    static ConsoleLessons create(MainViewModel vm) {
        SplittableRandom random = new SplittableRandom();
        LessonActions actions = new LessonActions(vm.lessonSettings(), vm.recipeRunners(), random.split());
        vm.closeOnShutdown(actions);
        actions.onClusterStarted(l -> vm.executor().onUi(() -> vm.useCluster(l, "lesson cluster")));
        return new ConsoleLessons(new LessonPlayerViewModel(actions, vm.executor(), LessonCatalog::bundled));
    }

    Parent root() {
        return view.root();
    }

    /**
     * Shows the live view of the console's current cluster: {@code teaching} is the Teaching tab's
     * (replay-only when there is no live cluster). Called when the cluster changes, not when a
     * session opens, so the view (and its recording) stays while the console connects.
     */
    void showLive(TeachingTab teaching) {
        player.clusterPausedProperty().unbind();
        if (teaching.live()) {
            player.clusterPausedProperty().bind(teaching.viewModel().pausedProperty());
            player.setMessageStepper(teaching.viewModel()::step);
            view.showLive(teaching.compactRoot());
        } else {
            player.clusterPausedProperty().set(false);
            player.setMessageStepper(null);
            view.showLive(placeholder("No live cluster. A lesson's startCluster step starts the lesson cluster; "
                    + "its diagram, node cards and Pause / Step controls appear here."));
        }
    }

    /** Shows the recipe clients of the current session: {@code recipes} is the Recipes tab's, or null. */
    void showRecipes(RecipesViewModel recipes) {
        view.showRecipe(recipes == null ? placeholder("Not connected: the recipe clients appear here.")
                : new RecipeClientsPanel(recipes));
    }

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("placeholder");
        return new StackPane(l);
    }
}
