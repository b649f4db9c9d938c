package org.quorumlab.gui.lessons;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.quorumlab.gui.common.Fxml;

/**
 * Thin controller of LessonPlayerView.fxml (the Lessons tab): lesson list, current step, and two
 * slots the shell fills — the live teaching view of the lesson's cluster beside the step, and the
 * recipe's clients under a {@code runRecipe} step.
 */
public final class LessonPlayerView {

    private final LessonPlayerViewModel vm;
    @FXML private SplitPane root;
    @FXML private StackPane liveHolder;
    @FXML private StackPane recipeHolder;
    @FXML private Button stepMessageButton;
    @FXML private ListView<Lesson> lessonList;
    @FXML private Label status;
    @FXML private Label progress;
    @FXML private Label stepTitle;
    @FXML private Label narration;
    @FXML private VBox expectations;
    @FXML private Button revealButton;
    @FXML private Label question;
    @FXML private Label action;
    @FXML private Button previousButton;
    @FXML private Button runButton;
    @FXML private Button nextButton;
    @FXML private ProgressIndicator running;
    @FXML private Label outcome;

    private LessonPlayerView(LessonPlayerViewModel vm) {
        this.vm = vm;
    }

    /** Builds the Lessons tab for {@code vm} (without a live view or recipe panel). */
    public static Parent create(LessonPlayerViewModel vm) {
        return load(vm).root();
    }

    /** Builds the Lessons tab for {@code vm}; the shell fills its slots with {@link #showLive} and {@link #showRecipe}. */
    public static LessonPlayerView load(LessonPlayerViewModel vm) {
        LessonPlayerView view = new LessonPlayerView(vm);
        Parent root = Fxml.load(view);
        root.getStylesheets().add(LessonPlayerView.class.getResource("lessons.css").toExternalForm());
        return view;
    }

    public Parent root() {
        return root;
    }

    /** Shows {@code live} (the teaching view of the cluster the lesson runs on) beside the step. */
    public void showLive(Node live) {
        liveHolder.getChildren().setAll(live);
    }

    /** Shows {@code clients} (the recipe demo's clients) under the step while a recipe step is current. */
    public void showRecipe(Node clients) {
        recipeHolder.getChildren().setAll(clients);
    }

    @FXML
    private void initialize() {
        lessonList.setId("lessonList");
        runButton.setId("runStepButton");
        stepMessageButton.setId("stepMessageButton");
        liveHolder.setId("lessonLiveView");
        recipeHolder.setId("lessonRecipe");
        nextButton.setId("nextStepButton");
        previousButton.setId("previousStepButton");
        revealButton.setId("revealQuestionButton");
        question.setId("lessonQuestion");
        outcome.setId("lessonOutcome");
        progress.setId("lessonProgress");
        lessonList.setItems(vm.lessons());
        lessonList.setCellFactory(l -> new LessonCell());
        lessonList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));
        vm.lessonProperty().addListener((o, a, b) -> lessonList.getSelectionModel().select(b));
        lessonList.disableProperty().bind(vm.runningProperty());
        status.textProperty().bind(vm.statusProperty());
        progress.textProperty().bind(vm.progressProperty());
        stepTitle.textProperty().bind(vm.stepTitleProperty());
        narration.textProperty().bind(vm.narrationProperty());
        vm.expectations().addListener((ListChangeListener<String>) c -> fillExpectations());
        question.textProperty().bind(vm.questionProperty());
        question.visibleProperty().bind(vm.questionRevealedProperty());
        revealButton.visibleProperty().bind(vm.questionRevealedProperty().not());
        revealButton.managedProperty().bind(vm.questionRevealedProperty().not());
        action.textProperty().bind(vm.actionProperty());
        previousButton.disableProperty().bind(vm.canPreviousProperty().not());
        nextButton.disableProperty().bind(vm.canNextProperty().not());
        runButton.disableProperty().bind(vm.canRunProperty().not());
        running.visibleProperty().bind(vm.runningProperty());
        stepMessageButton.visibleProperty().bind(vm.clusterPausedProperty());
        stepMessageButton.managedProperty().bind(vm.clusterPausedProperty());
        recipeHolder.visibleProperty().bind(vm.recipeStepProperty());
        recipeHolder.managedProperty().bind(vm.recipeStepProperty());
        outcome.textProperty().bind(vm.outcomeProperty());
        vm.outcomeKindProperty().addListener((o, a, b) -> styleOutcome(b));
        fillExpectations();
        vm.loadLessons();
    }

    private void fillExpectations() {
        expectations.getChildren().setAll(vm.expectations().stream().map(e -> new Label("• " + e)).peek(l -> {
            l.setWrapText(true);
        }).toList());
        if (vm.expectations().isEmpty()) {
            expectations.getChildren().setAll(new Label("(nothing in particular)"));
        }
    }

    private void styleOutcome(StepOutcome.Kind kind) {
        outcome.getStyleClass().removeAll("outcome-succeeded", "outcome-expected-failure", "outcome-failed");
        if (kind == null) {
            return;
        }
        switch (kind) {
            case SUCCEEDED -> outcome.getStyleClass().add("outcome-succeeded");
            case FAILED_AS_EXPECTED -> outcome.getStyleClass().add("outcome-expected-failure");
            default -> outcome.getStyleClass().add("outcome-failed");
        }
    }

    @FXML
    private void revealQuestion() {
        vm.revealQuestion();
    }

    @FXML
    private void previous() {
        vm.previous();
    }

    @FXML
    private void runStep() {
        vm.runStep();
    }

    @FXML
    private void stepMessage() {
        vm.stepMessage();
    }

    @FXML
    private void next() {
        vm.next();
    }

    /** Title, summary and duration of a lesson in the list. */
    private static final class LessonCell extends ListCell<Lesson> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final Label minutes = new Label();
        private final VBox box = new VBox(2, title, summary, minutes);

        LessonCell() {
            title.getStyleClass().add("lesson-cell-title");
            summary.getStyleClass().add("lesson-cell-summary");
            minutes.getStyleClass().add("lesson-cell-minutes");
            title.setWrapText(true);
            summary.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            summary.setText(item.summary());
            minutes.setText(item.minutes() > 0 ? "about " + item.minutes() + " minutes, " + item.steps().size()
                    + " steps" : item.steps().size() + " steps");
            setGraphic(box);
        }
    }
}
