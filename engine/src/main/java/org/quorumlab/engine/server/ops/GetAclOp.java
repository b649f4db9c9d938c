package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.GetACLRequest;
import org.quorumlab.engine.proto.GetACLResponse;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;
import org.quorumlab.engine.tree.DataNode;

/** getACL: needs READ or ADMIN; without ADMIN, digest hashes are masked as ZooKeeper does. */
public final class GetAclOp implements ReadOp<GetACLRequest> {

    @Override
    public int opCode() {
        return OpCode.getACL;
    }

    @Override
    public GetACLRequest parse(JuteInput in) {
        return GetACLRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetACLRequest req) {
        DataNode node = ctx.tree().requireNode(req.path());
        ctx.acls().check(node.acl(), Perms.READ | Perms.ADMIN, ctx.authInfo(), req.path());
        if (ctx.acls().allows(node.acl(), Perms.ADMIN, ctx.authInfo())) {
            return new GetACLResponse(node.acl(), node.stat());
        }
        List<Acl> masked = new ArrayList<>(node.acl().size());
        for (Acl a : node.acl()) {
            if ("digest".equals(a.id().scheme())) {
                masked.add(new Acl(a.perms(), new Id("digest", a.id().id().replaceAll(":.*", ":x"))));
            } else {
                masked.add(a);
            }
        }
        return new GetACLResponse(masked, node.stat());
    }
}
