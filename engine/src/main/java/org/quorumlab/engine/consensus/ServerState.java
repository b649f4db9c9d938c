package org.quorumlab.engine.consensus;

/** ZooKeeper peer states, as carried in election notifications. */
public enum ServerState {
    /** Running leader election. */
    LOOKING,
    /** Following a leader as a voter (or as a non-voting participant). */
    FOLLOWING,
    /** Leading an epoch. */
    LEADING,
    /** Following a leader as a non-voting observer. */
    OBSERVING
}
