package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.ErrorResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.OpRegistry;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** multiRead: getData/getChildren ops, each succeeding or failing on its own. */
public final class MultiReadOp implements ReadOp<MultiRequest> {

    private final OpRegistry registry;

    public MultiReadOp(OpRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int opCode() {
        return OpCode.multiRead;
    }

    @Override
    public MultiRequest parse(JuteInput in) {
        return MultiRequest.read(in, registry, true);
    }

    @Override
    public JuteRecord execute(ReadContext ctx, MultiRequest req) {
        List<MultiResponse.Result> results = new ArrayList<>();
        for (MultiRequest.Op op : req.ops()) {
            try {
                results.add(new MultiResponse.Result(op.type(), 0, run(ctx, registry.multiReadOp(op.type()), op.request())));
            } catch (ZooKeeperException e) {
                int err = e.code().intValue();
                results.add(new MultiResponse.Result(OpCode.error, err, new ErrorResponse(err)));
            }
        }
        return new MultiResponse(results);
    }

    @SuppressWarnings("unchecked")
    private static <R> JuteRecord run(ReadContext ctx, ReadOp<R> op, Object request) {
        return op.execute(ctx, (R) request);
    }
}
