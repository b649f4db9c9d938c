package org.quorumlab.engine.consensus;

/**
 * Identity of a server in the ensemble ({@code myid}). The core uses the raw {@code long} in its
 * records for compactness; this type exists for hosts that want a typed id at their boundary.
 *
 * @param value the numeric server id, non-negative
 */
public record ServerId(long value) implements Comparable<ServerId> {
    /** Validates the id. */
    public ServerId {
        if (value < 0) {
            throw new IllegalArgumentException("server id must be >= 0: " + value);
        }
    }

    /** Shorthand factory. */
    public static ServerId of(long value) {
        return new ServerId(value);
    }

    @Override
    public int compareTo(ServerId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "sid:" + value;
    }
}
