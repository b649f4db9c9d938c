package org.quorumlab.engine.txn;

/** Who asked for a transaction, when, and the zxid it was given. */
public record TxnHeader(long sessionId, int cxid, long zxid, long timeMs, int type) {
}
