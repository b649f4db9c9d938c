package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.GetEphemeralsRequest;
import org.quorumlab.engine.proto.GetEphemeralsResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** getEphemerals: the caller session's ephemerals, optionally under a path prefix. */
public final class GetEphemeralsOp implements ReadOp<GetEphemeralsRequest> {

    @Override
    public int opCode() {
        return OpCode.getEphemerals;
    }

    @Override
    public GetEphemeralsRequest parse(JuteInput in) {
        return GetEphemeralsRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, GetEphemeralsRequest req) {
        String prefix = req.prefixPath() == null ? "" : req.prefixPath().trim();
        List<String> out = new ArrayList<>();
        for (String p : ctx.tree().getEphemerals(ctx.sessionId())) {
            if (prefix.isEmpty() || prefix.equals("/") || p.startsWith(req.prefixPath())) {
                out.add(p);
            }
        }
        return new GetEphemeralsResponse(out);
    }
}
