package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.ErrorResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/**
 * multi: all ops or none. Ops are prepared in order against the pending state; on the first
 * failure its changes are rolled back, the failing op carries its error and later ops
 * RUNTIMEINCONSISTENCY, exactly as ZooKeeper logs a failed multi.
 */
public final class MultiOp implements WriteOp<MultiRequest> {

    private final org.quorumlab.engine.server.OpRegistry registry;

    public MultiOp(org.quorumlab.engine.server.OpRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int opCode() {
        return OpCode.multi;
    }

    @Override
    public MultiRequest parse(JuteInput in) {
        return MultiRequest.read(in, registry, false);
    }

    @Override
    public Txn prepare(PrepareContext ctx, MultiRequest req) {
        int checkpoint = ctx.checkpoint();
        List<Txn> txns = new ArrayList<>();
        boolean failed = false;
        for (MultiRequest.Op op : req.ops()) {
            if (failed) {
                txns.add(new Txn.Error(ErrorCode.RUNTIMEINCONSISTENCY.intValue()));
                continue;
            }
            try {
                txns.add(prepareOne(ctx, registry.multiWriteOp(op.type()), op.request()));
            } catch (ZooKeeperException e) {
                failed = true;
                ctx.rollback(checkpoint);
                txns.add(new Txn.Error(e.code().intValue()));
            }
        }
        return new Txn.Multi(txns);
    }

    @SuppressWarnings("unchecked")
    private static <R> Txn prepareOne(PrepareContext ctx, WriteOp<R> op, Object request) {
        return op.prepare(ctx, (R) request);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        List<MultiResponse.Result> results = new ArrayList<>();
        for (ProcessTxnResult sub : result.multiResult()) {
            if (sub.type() == OpCode.error || sub.err() != 0) {
                int err = sub.type() == OpCode.error ? sub.err() : sub.err();
                results.add(new MultiResponse.Result(OpCode.error, err, new ErrorResponse(err)));
                continue;
            }
            int type = sub.type();
            boolean create2Shape = type == OpCode.create2 || type == OpCode.createTTL || type == OpCode.createContainer;
            int wireType = create2Shape ? OpCode.create2 : type;
            JuteRecord body = type == OpCode.check ? null : registry.multiWriteOp(type).reply(sub);
            results.add(new MultiResponse.Result(wireType, 0, body));
        }
        return new MultiResponse(results);
    }
}
