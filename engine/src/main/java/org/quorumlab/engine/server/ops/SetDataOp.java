package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.SetDataRequest;
import org.quorumlab.engine.proto.SetDataResponse;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PathValidator;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** setData: WRITE permission, the hard quota (when enforced), then an optional expected version. */
public final class SetDataOp implements WriteOp<SetDataRequest> {

    @Override
    public int opCode() {
        return OpCode.setData;
    }

    @Override
    public SetDataRequest parse(JuteInput in) {
        return SetDataRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, SetDataRequest req) {
        String path = req.path();
        PathValidator.validate(path);
        ChangeRecord node = ctx.node(path);
        ctx.checkAcl(node, Perms.WRITE, path);
        ctx.checkSetDataQuota(node, req.data());
        int newVersion = PrepareContext.checkAndIncrement(node.version, req.version(), path);
        ChangeRecord updated = node.duplicate(ctx.zxid());
        updated.version = newVersion;
        updated.data = req.data();
        ctx.record(updated);
        return new Txn.SetData(path, req.data(), newVersion);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return new SetDataResponse(result.stat());
    }
}
