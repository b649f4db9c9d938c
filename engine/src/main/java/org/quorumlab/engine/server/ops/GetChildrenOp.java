package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.GetChildrenRequest;
import org.quorumlab.engine.proto.GetChildrenResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** getChildren: READ permission; optional one-shot child watch. */
public final class GetChildrenOp implements ReadOp<GetChildrenRequest> {

    @Override
    public int opCode() {
        return OpCode.getChildren;
    }

    @Override
    public GetChildrenRequest parse(JuteInput in) {
        return GetChildrenRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetChildrenRequest req) {
        ctx.checkAcl(req.path(), Perms.READ);
        return new GetChildrenResponse(ctx.tree().getChildren(req.path(), ctx.watcher(req.watch())));
    }
}
