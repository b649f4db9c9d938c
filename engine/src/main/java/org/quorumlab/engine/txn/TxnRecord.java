package org.quorumlab.engine.txn;

/** The unit of replication and logging: header plus change. */
public record TxnRecord(TxnHeader header, Txn txn) {

    public long zxid() {
        return header.zxid();
    }
}
