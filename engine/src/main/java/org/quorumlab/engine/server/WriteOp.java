package org.quorumlab.engine.server;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/**
 * A request that becomes a replicated transaction.
 *
 * @param <R> the request record
 */
public non-sealed interface WriteOp<R> extends OpHandler {

    R parse(JuteInput in);

    /**
     * Validates the request against the tree plus pending changes and turns it into a txn,
     * recording in {@code ctx} the changes it will make.
     *
     * @throws org.quorumlab.engine.proto.ZooKeeperException when the request must fail
     */
    Txn prepare(PrepareContext ctx, R request);

    /** Reply body for a successful apply; error replies carry no body. */
    JuteRecord reply(ProcessTxnResult result);

    default Txn handle(PrepareContext ctx, JuteInput in) {
        return prepare(ctx, parse(in));
    }
}
