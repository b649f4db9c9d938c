package org.quorumlab.gui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.app.MainViewModel;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.lessons.Lesson;
import org.quorumlab.gui.teaching.TeachingDiagram;
import org.testfx.framework.junit5.ApplicationTest;

/** Headless: the Lessons tab in the real main window, and presenter mode's large fonts. */
class LessonsTabFxTest extends ApplicationTest {

    MainViewModel vm;

    @Override
    public void start(Stage stage) throws Exception {
        vm = FxFixture.show(stage, Theme.LIGHT, 1100, 700);
    }

    @Test
    void presenterModeScalesTheWholeConsoleWithItsAccelerator() throws Exception {
        Label title = lookup(".app-title").query();
        double normal = title.getFont().getSize();
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        FxFixture.await("presenter mode on", () -> vm.presenterModeProperty().get());
        Parent root = title.getScene().getRoot();
        assertThat(root.getStyle()).contains("-fx-font-size: 19.2px");
        FxFixture.await("larger title", () -> title.getFont().getSize() > normal * 1.5);
        TeachingDiagram diagram = lookup(".teaching-diagram").query();
        assertThat(diagram.fontScaleProperty().get()).as("the diagram's canvas labels follow").isEqualTo(1.6);

        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        FxFixture.await("presenter mode off", () -> !vm.presenterModeProperty().get());
        FxFixture.await("normal title", () -> Math.abs(title.getFont().getSize() - normal) < 0.01);
        assertThat(diagram.fontScaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void theLessonsTabWalksALesson() throws Exception {
        clickOn(lookup(".tab-pane > .tab-header-area .tab .tab-label")
                .match(l -> "Lessons".equals(((Labeled) l).getText())).<Labeled>query());
        ListView<Lesson> list = lookup("#lessonList").query();
        FxFixture.await("six lessons", () -> list.getItems().size() == 6);
        Label progress = lookup("#lessonProgress").query();
        FxFixture.await("first step shown", () -> "step 1 of 7".equals(progress.getText()));

        Label question = lookup("#lessonQuestion").query();
        assertThat(question.isVisible()).isFalse();
        clickOn("#revealQuestionButton");
        assertThat(question.isVisible()).isTrue();
        assertThat(question.getText()).endsWith("?");

        clickOn("#runStepButton");
        Label outcome = lookup("#lessonOutcome").query();
        FxFixture.await("outcome of the slowMotion step", () -> outcome.getText().contains("slow motion"));

        clickOn("#nextStepButton");
        FxFixture.await("second step", () -> "step 2 of 7".equals(progress.getText()));
        assertThat(question.isVisible()).isFalse();
        assertThat(outcome.getText()).isEmpty();
        assertThat(lookup("#previousStepButton").<Button>query().isDisabled()).isFalse();
    }
}
