package org.quorumlab.engine.consensus.lincheck;

/** Sequential specification of the versioned register. */
public final class RegisterModel {
    /** Register state. */
    public record State(long value, long version) {
    }

    /** Initial state: value 0, version 0. */
    public static final State INITIAL = new State(0, 0);

    private RegisterModel() {
    }

    /**
     * Applies {@code op} to {@code s}; returns the next state, or null if the op's recorded output is
     * impossible in {@code s}. Pending ops have no recorded output: any outcome is accepted.
     */
    public static State step(State s, RegisterOp op) {
        switch (op.kind()) {
            case READ:
                return op.value() == s.value() && op.version() == s.version() ? s : null;
            case WRITE:
                return new State(op.arg(), s.version() + 1);
            case CAS:
                boolean match = op.expected() == s.version();
                if (op.pending()) {
                    return match ? new State(op.arg(), s.version() + 1) : s;
                }
                if (op.ok() != match) {
                    return null;
                }
                return match ? new State(op.arg(), s.version() + 1) : s;
            default:
                throw new IllegalArgumentException();
        }
    }
}
