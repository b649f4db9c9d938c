package org.quorumlab.engine.consensus;

/**
 * The host's application state, read synchronously by a leader that decides to SNAP a learner.
 * Implementations must be deterministic and must not block; the snapshot must reflect exactly the
 * entries applied up to {@link #lastAppliedZxid()}.
 */
public interface StateSnapshotSource {
    /** Serialized application state. */
    byte[] snapshot();

    /** Zxid of the last entry reflected in {@link #snapshot()}. */
    long lastAppliedZxid();
}
