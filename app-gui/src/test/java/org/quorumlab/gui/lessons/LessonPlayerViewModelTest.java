package org.quorumlab.gui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * The player over the real {@link LessonActions} without a cluster: steps that need none run,
 * one that needs a cluster fails with the reason, and the player stays usable.
 */
class LessonPlayerViewModelTest {

    @TempDir
    Path dir;
    LessonActions actions;
    LessonPlayerViewModel vm;
    Lesson noCluster;

    @BeforeEach
    void setUp() throws IOException {
        actions = new LessonActions(LessonSettings.forConsole(dir.resolve("cluster")),
                RecipeDemoRunner.factory(new SplittableRandom(1)), new SplittableRandom(2));
        noCluster = LessonRunnerTest.testLesson("91-no-cluster");
        LessonCatalog catalog = new LessonCatalog(List.of(noCluster, LessonCatalog.bundled("01-leader-election").orElseThrow()));
        vm = new LessonPlayerViewModel(actions, TaskExecutor.synchronous(), () -> catalog);
        vm.loadLessons();
    }

    @AfterEach
    void tearDown() {
        actions.close();
    }

    @Test
    void opensTheFirstLessonAndNavigatesItsSteps() {
        assertThat(vm.lessons()).extracting(Lesson::id).containsExactly("01-leader-election", "91-no-cluster");
        assertThat(vm.lessonProperty().get().id()).isEqualTo("01-leader-election");
        assertThat(vm.progressProperty().get()).isEqualTo("step 1 of 7");
        assertThat(vm.canPreviousProperty().get()).isFalse();

        vm.next();
        vm.next();
        assertThat(vm.progressProperty().get()).isEqualTo("step 3 of 7");
        assertThat(vm.stepTitleProperty().get()).isEqualTo(vm.lessonProperty().get().step(2).title());
        assertThat(vm.narrationProperty().get()).isEqualTo(vm.lessonProperty().get().step(2).narration());
        assertThat(vm.expectations()).isEqualTo(vm.lessonProperty().get().step(2).expect());
        vm.previous();
        assertThat(vm.progressProperty().get()).isEqualTo("step 2 of 7");
        for (int i = 0; i < 10; i++) {
            vm.next();
        }
        assertThat(vm.progressProperty().get()).isEqualTo("step 7 of 7");
        assertThat(vm.canNextProperty().get()).isFalse();
    }

    @Test
    void theQuestionIsHiddenUntilRevealed_andHiddenAgainOnTheNextStep() {
        vm.select(noCluster);
        assertThat(vm.questionProperty().get()).isEqualTo("How slow is 20x?");
        assertThat(vm.questionRevealedProperty().get()).isFalse();
        vm.revealQuestion();
        assertThat(vm.questionRevealedProperty().get()).isTrue();
        vm.next();
        assertThat(vm.questionRevealedProperty().get()).isFalse();
        assertThat(vm.questionProperty().get()).isEqualTo("What went wrong?");
    }

    @Test
    void runningAStepShowsItsOutcome_andTheOutcomeStaysWithTheStep() {
        vm.select(noCluster);
        vm.runStep();
        assertThat(vm.outcomeKindProperty().get()).isEqualTo(StepOutcome.Kind.SUCCEEDED);
        assertThat(vm.outcomeProperty().get()).contains("the cluster will start in 20x slow motion");
        vm.next();
        assertThat(vm.outcomeProperty().get()).isEmpty();
        assertThat(vm.outcomeKindProperty().get()).isNull();
        vm.previous();
        assertThat(vm.outcomeProperty().get()).contains("20x slow motion");
    }

    @Test
    void anUnexpectedFailureShowsTheReason_andThePlayerStaysUsable() {
        vm.select(noCluster);
        vm.next();
        vm.runStep();
        assertThat(vm.outcomeKindProperty().get()).isEqualTo(StepOutcome.Kind.FAILED);
        assertThat(vm.outcomeProperty().get()).startsWith("write failed: ").contains("no lesson cluster is running");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRunProperty().get()).isTrue();

        vm.runStep();
        assertThat(vm.outcomeKindProperty().get()).isEqualTo(StepOutcome.Kind.FAILED);
        vm.next();
        vm.runStep();
        assertThat(vm.outcomeKindProperty().get()).isEqualTo(StepOutcome.Kind.FAILED_AS_EXPECTED);
        assertThat(vm.outcomeProperty().get()).startsWith("read failed as expected: ");
        vm.next();
        vm.runStep();
        assertThat(vm.outcomeProperty().get()).startsWith("narration only");
        assertThat(vm.expectations()).containsExactly("You.", "The audience.");
    }

    @Test
    void aLessonThatCannotBeLoadedIsReported() {
        LessonPlayerViewModel broken = new LessonPlayerViewModel(actions, TaskExecutor.synchronous(), () -> {
            throw new LessonFormatException("02-x.json: step 3: unknown action type 'fly'");
        });
        broken.loadLessons();
        assertThat(broken.statusProperty().get()).isEqualTo("Lessons unavailable: 02-x.json: step 3: unknown action type 'fly'");
        assertThat(broken.canRunProperty().get()).isFalse();
        broken.runStep();
        assertThat(broken.outcomeProperty().get()).isEmpty();
    }

    @Test
    void stepMessageStepsTheLiveClusterOnlyWhenOneIsAttached() {
        assertThat(vm.clusterPausedProperty().get()).isFalse();
        vm.stepMessage();
        assertThat(vm.statusProperty().get()).isEqualTo("no live cluster to step: start the lesson's cluster first");

        int[] stepped = {0};
        vm.setMessageStepper(() -> stepped[0]++);
        vm.stepMessage();
        vm.stepMessage();
        assertThat(stepped[0]).isEqualTo(2);
    }

    @Test
    void aRecipeStepIsFlaggedWhileItIsCurrent() {
        Lesson recipes = LessonCatalog.bundled("06-recipes-on-live-nodes").orElseThrow();
        vm.select(recipes);
        int recipeStep = 0;
        while (recipes.step(recipeStep).action().type() != ActionType.RUN_RECIPE) {
            recipeStep++;
        }
        assertThat(vm.recipeStepProperty().get()).isFalse();
        for (int i = 0; i < recipeStep; i++) {
            vm.next();
        }
        assertThat(vm.recipeStepProperty().get()).isTrue();
        vm.next();
        assertThat(vm.recipeStepProperty().get())
                .isEqualTo(recipes.step(recipeStep + 1).action().type() == ActionType.RUN_RECIPE);
    }
}
