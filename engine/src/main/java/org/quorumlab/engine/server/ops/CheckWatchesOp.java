package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.CheckWatchesRequest;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.WatcherType;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** checkWatches: NOWATCHER when the connection has no such watch. */
public final class CheckWatchesOp implements ReadOp<CheckWatchesRequest> {

    @Override
    public int opCode() {
        return OpCode.checkWatches;
    }

    @Override
    public CheckWatchesRequest parse(JuteInput in) {
        return CheckWatchesRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, CheckWatchesRequest req) {
        WatcherType type = WatcherType.fromInt(req.type());
        if (!WatchLookup.contains(ctx.tree(), req.path(), type, ctx.connection())) {
            throw ZooKeeperException.noWatcher(req.path() + " (type: " + type + ")");
        }
        return null;
    }
}
