package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.DeleteRequest;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** delete: DELETE permission on the parent, version check, then NOTEMPTY. */
public final class DeleteOp implements WriteOp<DeleteRequest> {

    @Override
    public int opCode() {
        return OpCode.delete;
    }

    @Override
    public DeleteRequest parse(JuteInput in) {
        return DeleteRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, DeleteRequest req) {
        String path = req.path();
        String parentPath = PrepareContext.parentForDelete(path);
        ChangeRecord parent = ctx.node(parentPath);
        ctx.checkAcl(parent, Perms.DELETE, path);
        ChangeRecord node = ctx.node(path);
        PrepareContext.checkAndIncrement(node.version, req.version(), path);
        if (node.childCount > 0) {
            throw ZooKeeperException.notEmpty(path);
        }
        recordDelete(ctx, parent, path);
        return new Txn.Delete(OpCode.delete, path);
    }

    static void recordDelete(PrepareContext ctx, ChangeRecord parent, String path) {
        ChangeRecord updatedParent = parent.duplicate(ctx.zxid());
        updatedParent.childCount--;
        ctx.record(updatedParent);
        ctx.record(ChangeRecord.deleted(ctx.zxid(), path));
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
