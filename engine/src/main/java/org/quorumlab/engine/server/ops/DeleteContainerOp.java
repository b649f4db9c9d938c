package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.DeleteRequest;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.EphemeralKind;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** Server-issued removal of an empty container or an expired TTL node (no ACL check). */
public final class DeleteContainerOp implements WriteOp<DeleteRequest> {

    @Override
    public int opCode() {
        return OpCode.deleteContainer;
    }

    @Override
    public DeleteRequest parse(JuteInput in) {
        return DeleteRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, DeleteRequest req) {
        String path = req.path();
        String parentPath = PrepareContext.parentForDelete(path);
        ChangeRecord node = ctx.node(path);
        if (node.childCount > 0) {
            throw ZooKeeperException.notEmpty(path);
        }
        EphemeralKind kind = EphemeralKind.of(node.ephemeralOwner);
        if (kind != EphemeralKind.CONTAINER && kind != EphemeralKind.TTL) {
            throw ZooKeeperException.badVersion(path);
        }
        DeleteOp.recordDelete(ctx, ctx.node(parentPath), path);
        return new Txn.Delete(OpCode.deleteContainer, path);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
