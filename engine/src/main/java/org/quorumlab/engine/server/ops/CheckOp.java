package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.CheckVersionRequest;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PathValidator;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** check (version guard, normally inside a multi): READ permission and exact version. */
public final class CheckOp implements WriteOp<CheckVersionRequest> {

    @Override
    public int opCode() {
        return OpCode.check;
    }

    @Override
    public CheckVersionRequest parse(JuteInput in) {
        return CheckVersionRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, CheckVersionRequest req) {
        String path = req.path();
        PathValidator.validate(path);
        ChangeRecord node = ctx.node(path);
        ctx.checkAcl(node, Perms.READ, path);
        return new Txn.CheckVersion(path, PrepareContext.checkAndIncrement(node.version, req.version(), path));
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
