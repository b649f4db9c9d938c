package org.quorumlab.engine.compat;

import org.apache.zookeeper.ZooKeeper;

/**
 * One randomly generated client operation, fixed before it runs so that both servers see exactly
 * the same call. {@code slot} picks the session that issues it.
 */
record DiffOp(String text, int slot, Action action) {

    /** Runs the call against one server and renders the comparable outcome. */
    @FunctionalInterface
    interface Action {
        String run(DiffSide side, ZooKeeper zk) throws Exception;
    }

    /** True for the op that closes a session (and so deletes its ephemerals in one txn). */
    boolean closesSession() {
        return text.startsWith(DiffOpGenerator.REOPEN);
    }

    @Override
    public String toString() {
        return "S" + slot + " " + text;
    }
}
