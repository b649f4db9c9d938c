package org.quorumlab.engine.consensus.lincheck;

/**
 * One operation of a history on a versioned register.
 *
 * @param id       unique index (0..n-1 within a history)
 * @param kind     READ, WRITE or CAS
 * @param arg      written value (WRITE/CAS)
 * @param expected expected version (CAS)
 * @param call     invocation time
 * @param ret      response time, or {@link #PENDING} if the response never arrived
 * @param ok       CAS outcome (ignored for READ and WRITE)
 * @param value    value returned by READ
 * @param version  version returned by READ
 */
public record RegisterOp(int id, Kind kind, long arg, long expected, long call, long ret, boolean ok,
        long value, long version) {
    /** Response time of operations that never returned. */
    public static final long PENDING = Long.MAX_VALUE;

    /** Operation kinds. */
    public enum Kind { READ, WRITE, CAS }

    /** A completed read that returned (value, version). */
    public static RegisterOp read(int id, long call, long ret, long value, long version) {
        return new RegisterOp(id, Kind.READ, 0, 0, call, ret, true, value, version);
    }

    /** A write of {@code v}; {@code ret} may be {@link #PENDING}. */
    public static RegisterOp write(int id, long call, long ret, long v) {
        return new RegisterOp(id, Kind.WRITE, v, 0, call, ret, true, 0, 0);
    }

    /** A compare-and-set of version {@code expected} to value {@code v} with outcome {@code ok}. */
    public static RegisterOp cas(int id, long call, long ret, long expected, long v, boolean ok) {
        return new RegisterOp(id, Kind.CAS, v, expected, call, ret, ok, 0, 0);
    }

    /** True iff the response never arrived. */
    public boolean pending() {
        return ret == PENDING;
    }
}
