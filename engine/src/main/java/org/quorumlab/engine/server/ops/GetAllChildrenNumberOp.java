package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.GetAllChildrenNumberRequest;
import org.quorumlab.engine.proto.GetAllChildrenNumberResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** getAllChildrenNumber: count of all descendants. */
public final class GetAllChildrenNumberOp implements ReadOp<GetAllChildrenNumberRequest> {

    @Override
    public int opCode() {
        return OpCode.getAllChildrenNumber;
    }

    @Override
    public GetAllChildrenNumberRequest parse(JuteInput in) {
        return GetAllChildrenNumberRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetAllChildrenNumberRequest req) {
        ctx.checkAcl(req.path(), Perms.READ);
        return new GetAllChildrenNumberResponse(ctx.tree().getAllChildrenNumber(req.path()));
    }
}
