package org.quorumlab.gui.lessons;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * The Lessons tab: the lesson list, the current step (narration, expected observations, the
 * audience question revealed on demand), Run step / Next / Previous and the outcome of each step's
 * action. Actions run through the {@link TaskExecutor}; a failing action shows its reason and
 * leaves the player usable (run it again, or move on).
 */
public final class LessonPlayerViewModel {

    private final StepExecutor steps;
    private final TaskExecutor executor;
    private final Supplier<LessonCatalog> catalog;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty stepIndex = new SimpleIntegerProperty(-1);
    private final StringProperty stepTitle = new SimpleStringProperty("");
    private final StringProperty narration = new SimpleStringProperty("");
    private final ObservableList<String> expectations = FXCollections.observableArrayList();
    private final StringProperty question = new SimpleStringProperty("");
    private final BooleanProperty questionRevealed = new SimpleBooleanProperty();
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObjectProperty<StepOutcome.Kind> outcomeKind = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper();
    private final Map<Integer, StepOutcome> outcomes = new HashMap<>();
    private final BooleanProperty clusterPaused = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper recipeStep = new ReadOnlyBooleanWrapper();
    private Runnable messageStepper;

    /**
     * @param steps    runs the actions (a {@link LessonActions} on the lesson cluster)
     * @param executor background work and UI hand-back
     * @param catalog  loads the lessons (blocking; called through the executor)
     */
    public LessonPlayerViewModel(StepExecutor steps, TaskExecutor executor, Supplier<LessonCatalog> catalog) {
        this.steps = steps;
        this.executor = executor;
        this.catalog = catalog;
        running.addListener((o, a, b) -> updateNavigation());
    }

    public ObservableList<Lesson> lessons() { return lessons; }
    public ObjectProperty<Lesson> lessonProperty() { return lesson; }
    public IntegerProperty stepIndexProperty() { return stepIndex; }
    public StringProperty stepTitleProperty() { return stepTitle; }
    public StringProperty narrationProperty() { return narration; }
    public ObservableList<String> expectations() { return expectations; }
    public StringProperty questionProperty() { return question; }
    public BooleanProperty questionRevealedProperty() { return questionRevealed; }
    public StringProperty actionProperty() { return action; }
    public StringProperty progressProperty() { return progress; }
    public StringProperty outcomeProperty() { return outcome; }
    public ObjectProperty<StepOutcome.Kind> outcomeKindProperty() { return outcomeKind; }
    public StringProperty statusProperty() { return status; }
    public BooleanProperty runningProperty() { return running; }
    public ReadOnlyBooleanProperty canPreviousProperty() { return canPrevious.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canNextProperty() { return canNext.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRunProperty() { return canRun.getReadOnlyProperty(); }
    /**
     * True while the cluster on screen holds every message (a lesson's pause, or the Teaching
     * controls): the player then offers "Step (deliver next message)". The shell binds it to the
     * live teaching view of the current cluster.
     */
    public BooleanProperty clusterPausedProperty() { return clusterPaused; }
    /** True while the current step runs a recipe: the player shows the recipe's clients. */
    public ReadOnlyBooleanProperty recipeStepProperty() { return recipeStep.getReadOnlyProperty(); }

    /**
     * What "Step (deliver next message)" does: the live teaching view's single step, so the lesson
     * and the Teaching tab step the same cluster the same way. Null: no live cluster.
     */
    public void setMessageStepper(Runnable stepper) {
        this.messageStepper = stepper;
    }

    /** Delivers the next held message of the paused cluster (through the shell's teaching view). */
    public void stepMessage() {
        Runnable s = messageStepper;
        if (s == null) {
            status.set("no live cluster to step: start the lesson's cluster first");
            return;
        }
        s.run();
    }

    /** Loads the lesson list in the background and opens the first lesson. */
    public void loadLessons() {
        status.set("Loading lessons…");
        executor.run(catalog::get, c -> {
            lessons.setAll(c.lessons());
            status.set(c.lessons().size() + " lessons");
            if (lesson.get() == null && !c.lessons().isEmpty()) {
                select(c.lessons().get(0));
            }
        }, e -> status.set("Lessons unavailable: " + e.getMessage()));
    }

    /** Opens {@code l} at its first step (outcomes of the previous lesson are forgotten). */
    public void select(Lesson l) {
        if (l == null || l.equals(lesson.get())) {
            return;
        }
        lesson.set(l);
        outcomes.clear();
        show(0);
    }

    public void next() {
        if (canNext.get()) {
            show(stepIndex.get() + 1);
        }
    }

    public void previous() {
        if (canPrevious.get()) {
            show(stepIndex.get() - 1);
        }
    }

    /** Shows the audience question of the current step. */
    public void revealQuestion() {
        questionRevealed.set(true);
    }

    /** Runs the current step's action; its outcome is shown when it finishes. */
    public void runStep() {
        Lesson l = lesson.get();
        int index = stepIndex.get();
        if (!canRun.get() || l == null) {
            return;
        }
        LessonAction a = l.step(index).action();
        running.set(true);
        outcomeKind.set(null);
        outcome.set("Running " + a.type().lessonName() + "…");
        executor.run(() -> steps.run(a), o -> finished(l, index, o), e -> finished(l, index,
                new StepOutcome(StepOutcome.Kind.FAILED, a.type().lessonName() + " failed: " + message(e), 0)));
    }

    private void finished(Lesson l, int index, StepOutcome o) {
        running.set(false);
        if (!l.equals(lesson.get())) {
            return;
        }
        outcomes.put(index, o);
        if (index == stepIndex.get()) {
            showOutcome(o);
        }
    }

    private void show(int index) {
        Lesson l = lesson.get();
        LessonStep s = l.step(index);
        stepIndex.set(index);
        stepTitle.set(s.title());
        narration.set(s.narration());
        expectations.setAll(s.expect());
        question.set(s.question());
        questionRevealed.set(false);
        action.set(s.action().describe());
        recipeStep.set(s.action().type() == ActionType.RUN_RECIPE);
        progress.set("step " + (index + 1) + " of " + l.steps().size());
        StepOutcome o = outcomes.get(index);
        if (o == null) {
            outcome.set("");
            outcomeKind.set(null);
        } else {
            showOutcome(o);
        }
        updateNavigation();
    }

    private void showOutcome(StepOutcome o) {
        outcome.set(o.text());
        outcomeKind.set(o.kind());
    }

    private void updateNavigation() {
        Lesson l = lesson.get();
        int i = stepIndex.get();
        boolean open = l != null && i >= 0;
        canPrevious.set(open && i > 0);
        canNext.set(open && i < l.steps().size() - 1);
        canRun.set(open && !running.get());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
