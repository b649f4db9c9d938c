package org.quorumlab.gui.lessons;

/**
 * Runs the action of one lesson step. Blocking: call it off the UI thread.
 * {@link LessonActions} is the implementation against a real cluster.
 */
public interface StepExecutor extends AutoCloseable {

    /**
     * Runs {@code action} and reports how it went; an action that fails returns a
     * {@link StepOutcome.Kind#FAILED} or {@link StepOutcome.Kind#FAILED_AS_EXPECTED} outcome naming
     * the reason rather than throwing.
     */
    StepOutcome run(LessonAction action);

    /** Stops what the lessons started (clients, auto-scaler, the lesson cluster). */
    @Override
    void close();
}
