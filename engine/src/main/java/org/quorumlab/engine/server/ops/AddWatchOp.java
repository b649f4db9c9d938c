package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.AddWatchMode;
import org.quorumlab.engine.proto.AddWatchRequest;
import org.quorumlab.engine.proto.ErrorResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;
import org.quorumlab.engine.tree.WatchMode;

/** addWatch: persistent or persistent-recursive watch; replies ErrorResponse(0) like ZooKeeper. */
public final class AddWatchOp implements ReadOp<AddWatchRequest> {

    @Override
    public int opCode() {
        return OpCode.addWatch;
    }

    @Override
    public AddWatchRequest parse(JuteInput in) {
        return AddWatchRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, AddWatchRequest req) {
        AddWatchMode mode = AddWatchMode.fromInt(req.mode());
        WatchMode watchMode = mode == AddWatchMode.PERSISTENT_RECURSIVE
                ? WatchMode.PERSISTENT_RECURSIVE : WatchMode.PERSISTENT;
        ctx.tree().addWatch(req.path(), ctx.connection(), watchMode);
        return new ErrorResponse(0);
    }
}
