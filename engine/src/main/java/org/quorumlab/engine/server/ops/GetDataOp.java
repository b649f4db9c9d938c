package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.GetDataRequest;
import org.quorumlab.engine.proto.GetDataResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** getData: READ permission; optional one-shot data watch. */
public final class GetDataOp implements ReadOp<GetDataRequest> {

    @Override
    public int opCode() {
        return OpCode.getData;
    }

    @Override
    public GetDataRequest parse(JuteInput in) {
        return GetDataRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetDataRequest req) {
        ctx.checkAcl(req.path(), Perms.READ);
        byte[] data = ctx.tree().getData(req.path(), ctx.watcher(req.watch()));
        return new GetDataResponse(data, ctx.tree().getNode(req.path()).stat());
    }
}
