package org.quorumlab.launcher.chaos;

import org.quorumlab.engine.consensus.lincheck.RegisterOp;

/**
 * One client operation as recorded: what was invoked, when, and how it ended. Times are
 * nanoseconds since the run started, all from one clock (the test JVM's). An
 * {@link Outcome#INDETERMINATE} operation (timeout, CONNECTIONLOSS, ...) has
 * {@code ret == }{@link RegisterOp#PENDING}: it may have taken effect at any time after its call.
 *
 * @param client   client (worker) number
 * @param type     operation type
 * @param key      register znode for READ/WRITE/CAS; the queue znode for ENQUEUE/DEQUEUE
 * @param call     invocation time
 * @param ret      response time, or {@link RegisterOp#PENDING}
 * @param outcome  OK, FAIL (definitely without effect) or INDETERMINATE
 * @param value    value read (READ) or written (WRITE/CAS)
 * @param version  version read (READ)
 * @param expected expected version (CAS)
 * @param item     queue item (ENQUEUE/DEQUEUE)
 * @param path     sequential znode of the item (ENQUEUE OK, DEQUEUE)
 * @param error    the error code's name for FAIL/INDETERMINATE, else empty
 */
record ChaosOp(int client, OpType type, String key, long call, long ret, Outcome outcome, long value,
        long version, long expected, String item, String path, String error) {

    /** Operation types. */
    enum OpType { READ, WRITE, CAS, ENQUEUE, DEQUEUE }

    /** How an operation ended. */
    enum Outcome { OK, FAIL, INDETERMINATE }

    static ChaosOp read(int client, String key, long call, long ret, long value, long version) {
        return new ChaosOp(client, OpType.READ, key, call, ret, Outcome.OK, value, version, 0, "", "", "");
    }

    static ChaosOp write(int client, String key, long call, long ret, Outcome outcome, long value, String error) {
        return new ChaosOp(client, OpType.WRITE, key, call, retFor(outcome, ret), outcome, value, 0, 0, "", "", error);
    }

    static ChaosOp cas(int client, String key, long call, long ret, Outcome outcome, long expected, long value,
            String error) {
        return new ChaosOp(client, OpType.CAS, key, call, retFor(outcome, ret), outcome, value, 0, expected, "", "",
                error);
    }

    static ChaosOp enqueue(int client, String queue, long call, long ret, Outcome outcome, String item, String path,
            String error) {
        return new ChaosOp(client, OpType.ENQUEUE, queue, call, retFor(outcome, ret), outcome, 0, 0, 0, item, path,
                error);
    }

    static ChaosOp dequeue(int client, String queue, long call, long ret, Outcome outcome, String item, String path,
            String error) {
        return new ChaosOp(client, OpType.DEQUEUE, queue, call, retFor(outcome, ret), outcome, 0, 0, 0, item, path,
                error);
    }

    /** A failed operation of any type (no effect); READ failures are kept only for the counts. */
    static ChaosOp failed(int client, OpType type, String key, long call, long ret, String error) {
        return new ChaosOp(client, type, key, call, ret, Outcome.FAIL, 0, 0, 0, "", "", error);
    }

    private static long retFor(Outcome outcome, long ret) {
        return outcome == Outcome.INDETERMINATE ? RegisterOp.PENDING : ret;
    }

    /** This operation as an op of the versioned-register model, numbered {@code id}. */
    RegisterOp toRegisterOp(int id) {
        return switch (type) {
            case READ -> RegisterOp.read(id, call, ret, value, version);
            case WRITE -> RegisterOp.write(id, call, ret, value);
            case CAS -> RegisterOp.cas(id, call, ret, expected, value, outcome == Outcome.OK);
            default -> throw new IllegalStateException(type + " is not a register operation");
        };
    }

    /**
     * True for an operation the register history must contain: every READ/WRITE/CAS that could have
     * had an effect, and every CAS refused with BADVERSION (it saw another version).
     */
    boolean inRegisterHistory() {
        return switch (type) {
            case READ, WRITE -> outcome != Outcome.FAIL;
            case CAS -> outcome != Outcome.FAIL || error.equals("BADVERSION");
            default -> false;
        };
    }

    /** A definite failure no correct server gives here (e.g. NONODE for a register that always exists). */
    boolean unexpectedFailure() {
        return outcome == Outcome.FAIL && switch (type) {
            case WRITE, CAS -> !error.equals("BADVERSION");
            case READ -> error.equals("NONODE");
            case ENQUEUE -> true;
            case DEQUEUE -> false;
        };
    }

    @Override
    public String toString() {
        String when = String.format("[%.3f, %s]", call / 1e9, ret == RegisterOp.PENDING ? "?" : String.format("%.3f",
                ret / 1e9));
        String what = switch (type) {
            case READ -> "read " + key + " -> (" + value + ", v" + version + ")";
            case WRITE -> "write " + key + " := " + value;
            case CAS -> "cas " + key + " v" + expected + " := " + value;
            case ENQUEUE -> "enqueue " + item + (path.isEmpty() ? "" : " as " + path);
            case DEQUEUE -> "dequeue " + (item.isEmpty() ? "" : item + " from " + path);
        };
        return "c" + client + " " + when + " " + what + " " + outcome + (error.isEmpty() ? "" : " (" + error + ")");
    }
}
