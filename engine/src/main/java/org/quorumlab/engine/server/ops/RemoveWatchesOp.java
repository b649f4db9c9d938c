package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.RemoveWatchesRequest;
import org.quorumlab.engine.proto.WatcherType;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** removeWatches: NOWATCHER when the connection had no such watch. */
public final class RemoveWatchesOp implements ReadOp<RemoveWatchesRequest> {

    @Override
    public int opCode() {
        return OpCode.removeWatches;
    }

    @Override
    public RemoveWatchesRequest parse(JuteInput in) {
        return RemoveWatchesRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, RemoveWatchesRequest req) {
        WatcherType type = WatcherType.fromInt(req.type());
        if (!WatchLookup.remove(ctx.tree(), req.path(), type, ctx.connection())) {
            throw ZooKeeperException.noWatcher(req.path() + " (type: " + type + ")");
        }
        return null;
    }
}
