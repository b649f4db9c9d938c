package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.SyncRequest;
import org.quorumlab.engine.proto.SyncResponse;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** sync: answered once every earlier write of the session is applied (the pipeline orders it). */
public final class SyncOp implements ReadOp<SyncRequest> {

    @Override
    public int opCode() {
        return OpCode.sync;
    }

    @Override
    public SyncRequest parse(JuteInput in) {
        return SyncRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, SyncRequest req) {
        return new SyncResponse(req.path());
    }
}
