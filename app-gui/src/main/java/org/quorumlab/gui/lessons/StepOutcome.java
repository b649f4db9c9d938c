package org.quorumlab.gui.lessons;

/**
 * What running one step's action gave, as shown to the audience.
 *
 * @param kind   how it ended relative to the step's {@code expectFailure}
 * @param text   one line for the player, e.g. "killed node 3 (leader) in 12 ms" or
 *               "write failed as expected: CONNECTIONLOSS"
 * @param millis how long the action took
 */
public record StepOutcome(Kind kind, String text, long millis) {

    public enum Kind {
        /** The action did what it should. */
        SUCCEEDED,
        /** The action failed, and the step said it would. */
        FAILED_AS_EXPECTED,
        /** The action failed though it should have worked. */
        FAILED,
        /** The step said the action would fail, but it worked. */
        SUCCEEDED_UNEXPECTEDLY
    }

    /** True when the step went as the lesson says (the runner stops otherwise). */
    public boolean asExpected() {
        return kind == Kind.SUCCEEDED || kind == Kind.FAILED_AS_EXPECTED;
    }

    /** Combines what the action did with what the step expected. */
    static StepOutcome of(boolean expectFailure, boolean failed, String text, long millis) {
        if (failed) {
            return new StepOutcome(expectFailure ? Kind.FAILED_AS_EXPECTED : Kind.FAILED, text, millis);
        }
        return new StepOutcome(expectFailure ? Kind.SUCCEEDED_UNEXPECTEDLY : Kind.SUCCEEDED, text, millis);
    }
}
