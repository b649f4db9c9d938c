package org.quorumlab.gui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs whole lessons headlessly: every step's action in order, stopping at the first step that
 * does not go as the lesson says (an action that fails, or one marked {@code expectFailure} that
 * works). Plain Java; used by the tests and the {@code quorumlab lesson} command.
 */
public final class LessonRunner {

    /**
     * One step as it ran.
     *
     * @param number  1-based step number
     * @param step    the step
     * @param outcome how its action went
     */
    public record StepReport(int number, LessonStep step, StepOutcome outcome) {

        /** {@code step 4/9 Kill the leader [killLeader]: killed node 3 (leader) with SIGKILL in 12 ms}. */
        public String describe(int of) {
            return "step " + number + "/" + of + " " + step.title() + " [" + step.action().type().lessonName() + "]: "
                    + (outcome.asExpected() ? "" : outcome.kind() + " ") + outcome.text();
        }
    }

    /**
     * A lesson as it ran.
     *
     * @param lesson the lesson
     * @param steps  the steps that ran, up to the first one that went wrong
     * @param millis total time
     */
    public record LessonReport(Lesson lesson, List<StepReport> steps, long millis) {

        public LessonReport {
            steps = List.copyOf(steps);
        }

        /** True when every step ran and went as the lesson says. */
        public boolean passed() {
            return steps.size() == lesson.steps().size() && steps.stream().allMatch(s -> s.outcome().asExpected());
        }

        /** One line per step plus a verdict. */
        public String describe() {
            return lesson.id() + ": " + (passed() ? "passed" : "FAILED") + " in " + LessonActions.duration(millis) + "\n"
                    + steps.stream().map(s -> "  " + s.describe(lesson.steps().size())).collect(Collectors.joining("\n"));
        }
    }

    private final StepExecutor executor;
    private final Consumer<String> progress;

    /**
     * @param executor runs the actions (a {@link LessonActions} for a real cluster)
     * @param progress receives one line per finished step
     */
    public LessonRunner(StepExecutor executor, Consumer<String> progress) {
        this.executor = executor;
        this.progress = progress;
    }

    /** Runs {@code lesson}'s steps in order until one does not go as expected. */
    public LessonReport run(Lesson lesson) {
        long t0 = System.nanoTime();
        List<StepReport> done = new ArrayList<>();
        int n = lesson.steps().size();
        for (int i = 0; i < n; i++) {
            LessonStep step = lesson.step(i);
            StepReport r = new StepReport(i + 1, step, executor.run(step.action()));
            done.add(r);
            progress.accept(lesson.id() + " " + r.describe(n));
            if (!r.outcome().asExpected()) {
                break;
            }
        }
        return new LessonReport(lesson, done, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** Runs several lessons one after the other; each starts its own cluster. */
    public List<LessonReport> runAll(List<Lesson> lessons) {
        return lessons.stream().map(this::run).toList();
    }
}
