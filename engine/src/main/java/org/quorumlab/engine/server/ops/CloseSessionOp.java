package org.quorumlab.engine.server.ops;

import java.util.List;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** closeSession (client close or expiry): the txn lists the ephemerals it will delete. */
public final class CloseSessionOp implements WriteOp<Void> {

    @Override
    public int opCode() {
        return OpCode.closeSession;
    }

    @Override
    public Void parse(JuteInput in) {
        return null;
    }

    @Override
    public Txn prepare(PrepareContext ctx, Void request) {
        List<String> ephemerals = ctx.ephemeralsOfSession();
        for (String path : ephemerals) {
            String parentPath = PrepareContext.parentOf(path);
            if (ctx.exists(parentPath)) {
                ChangeRecord parent = ctx.node(parentPath).duplicate(ctx.zxid());
                parent.childCount--;
                ctx.record(parent);
            }
            ctx.record(ChangeRecord.deleted(ctx.zxid(), path));
        }
        return new Txn.CloseSession(ephemerals);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
