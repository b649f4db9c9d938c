package org.quorumlab.engine.server.ops;

import java.util.List;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.SetACLRequest;
import org.quorumlab.engine.proto.SetACLResponse;
import org.quorumlab.engine.server.ChangeRecord;
import org.quorumlab.engine.server.PathValidator;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** setACL: ADMIN permission, ACL validation/expansion, aversion check. */
public final class SetAclOp implements WriteOp<SetACLRequest> {

    @Override
    public int opCode() {
        return OpCode.setACL;
    }

    @Override
    public SetACLRequest parse(JuteInput in) {
        return SetACLRequest.read(in);
    }

    @Override
    public Txn prepare(PrepareContext ctx, SetACLRequest req) {
        String path = req.path();
        PathValidator.validate(path);
        List<Acl> acl = ctx.fixupAcl(path, req.acl());
        ChangeRecord node = ctx.node(path);
        ctx.checkAcl(node, Perms.ADMIN, path);
        int newVersion = PrepareContext.checkAndIncrement(node.aversion, req.version(), path);
        ChangeRecord updated = node.duplicate(ctx.zxid());
        updated.aversion = newVersion;
        updated.acl = acl;
        ctx.record(updated);
        return new Txn.SetAcl(path, acl, newVersion);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return new SetACLResponse(result.stat());
    }
}
