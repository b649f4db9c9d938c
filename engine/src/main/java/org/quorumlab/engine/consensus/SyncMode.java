package org.quorumlab.engine.consensus;

/** How a leader brings a learner up to date (see ZooKeeper's {@code LearnerHandler.syncFollower}). */
public enum SyncMode {
    /** Send the entries the learner misses. */
    DIFF,
    /** Learner truncates its uncommitted tail, then receives a diff. */
    TRUNC,
    /** Learner installs a full snapshot, then receives a diff. */
    SNAP
}
