package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.ExistsRequest;
import org.quorumlab.engine.proto.ExistsResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.Stat;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** exists: the watch is registered even when the node is missing (it then fires on create). */
public final class ExistsOp implements ReadOp<ExistsRequest> {

    @Override
    public int opCode() {
        return OpCode.exists;
    }

    @Override
    public ExistsRequest parse(JuteInput in) {
        return ExistsRequest.read(in);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, ExistsRequest req) {
        String path = req.path();
        if (path == null || path.indexOf('\0') >= 0) {
            throw ZooKeeperException.badArguments(String.valueOf(path));
        }
        if (ctx.tree().getNode(path) != null) {
            ctx.checkAcl(path, Perms.READ);
        }
        Stat stat = ctx.tree().statNode(path, ctx.watcher(req.watch()));
        if (stat == null) {
            throw ZooKeeperException.noNode(path);
        }
        return new ExistsResponse(stat);
    }
}
