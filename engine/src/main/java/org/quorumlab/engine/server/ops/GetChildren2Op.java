package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.GetChildren2Request;
import org.quorumlab.engine.proto.GetChildren2Response;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** getChildren2: children plus the parent's stat. */
public final class GetChildren2Op implements ReadOp<GetChildren2Request> {

    @Override
    public int opCode() {
        return OpCode.getChildren2;
    }

    @Override
    public GetChildren2Request parse(JuteInput in) {
        return GetChildren2Request.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetChildren2Request req) {
        ctx.checkAcl(req.path(), Perms.READ);
        var children = ctx.tree().getChildren(req.path(), ctx.watcher(req.watch()));
        return new GetChildren2Response(children, ctx.tree().getNode(req.path()).stat());
    }
}
