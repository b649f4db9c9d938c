package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReconfigRequest;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** reconfig on a standalone server: refused like ZooKeeper standalone (RECONFIGDISABLED/UNIMPLEMENTED). */
public final class ReconfigOp implements WriteOp<ReconfigRequest> {

    @Override
    public int opCode() {
        return OpCode.reconfig;
    }

    @Override
    public ReconfigRequest parse(JuteInput in) {
        return ReconfigRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, ReconfigRequest request) {
        if (!ctx.config().reconfigEnabled()) {
            throw new ZooKeeperException(org.quorumlab.engine.proto.ErrorCode.RECONFIGDISABLED, "reconfig disabled");
        }
        throw ZooKeeperException.unimplemented("reconfig needs a replicated ensemble");
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
