package org.quorumlab.engine.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ops.AddWatchOp;
import org.quorumlab.engine.server.ops.CheckOp;
import org.quorumlab.engine.server.ops.CheckWatchesOp;
import org.quorumlab.engine.server.ops.CloseSessionOp;
import org.quorumlab.engine.server.ops.CreateSessionOp;
import org.quorumlab.engine.server.ops.CreateOp;
import org.quorumlab.engine.server.ops.DeleteContainerOp;
import org.quorumlab.engine.server.ops.DeleteOp;
import org.quorumlab.engine.server.ops.ExistsOp;
import org.quorumlab.engine.server.ops.GetAclOp;
import org.quorumlab.engine.server.ops.GetAllChildrenNumberOp;
import org.quorumlab.engine.server.ops.GetChildren2Op;
import org.quorumlab.engine.server.ops.GetChildrenOp;
import org.quorumlab.engine.server.ops.GetDataOp;
import org.quorumlab.engine.server.ops.GetEphemeralsOp;
import org.quorumlab.engine.server.ops.MultiOp;
import org.quorumlab.engine.server.ops.MultiReadOp;
import org.quorumlab.engine.server.ops.PingOp;
import org.quorumlab.engine.server.ops.ReconfigOp;
import org.quorumlab.engine.server.ops.RemoveWatchesOp;
import org.quorumlab.engine.server.ops.SetAclOp;
import org.quorumlab.engine.server.ops.SetDataOp;
import org.quorumlab.engine.server.ops.SetWatchesOp;
import org.quorumlab.engine.server.ops.SyncOp;
import org.quorumlab.engine.server.ops.WhoAmIOp;

/** Opcode → handler. The only place that knows which opcodes exist. */
public final class OpRegistry {

    private static final Set<Integer> MULTI_WRITE_OPS = Set.of(OpCode.create, OpCode.create2,
            OpCode.createContainer, OpCode.createTTL, OpCode.delete, OpCode.setData, OpCode.check);
    private static final Set<Integer> MULTI_READ_OPS = Set.of(OpCode.getChildren, OpCode.getData);

    private final Map<Integer, OpHandler> handlers = new HashMap<>();

    public OpRegistry() {
        register(new CreateOp(OpCode.create));
        register(new CreateOp(OpCode.create2));
        register(new CreateOp(OpCode.createContainer));
        register(new CreateOp(OpCode.createTTL));
        register(new DeleteOp());
        register(new DeleteContainerOp());
        register(new SetDataOp());
        register(new SetAclOp());
        register(new CheckOp());
        register(new MultiOp(this));
        register(new CloseSessionOp());
        register(new CreateSessionOp());
        register(new ExistsOp());
        register(new GetDataOp());
        register(new GetChildrenOp());
        register(new GetChildren2Op());
        register(new GetAllChildrenNumberOp());
        register(new GetAclOp());
        register(new GetEphemeralsOp());
        register(new SyncOp());
        register(new MultiReadOp(this));
        register(new SetWatchesOp(OpCode.setWatches));
        register(new SetWatchesOp(OpCode.setWatches2));
        register(new AddWatchOp());
        register(new RemoveWatchesOp());
        register(new CheckWatchesOp());
        register(new WhoAmIOp());
        register(new PingOp());
        register(new ReconfigOp());
    }

    /** Replaces or adds a handler (a replicated server swaps in its own reconfig/sync). */
    public void register(OpHandler handler) {
        handlers.put(handler.opCode(), handler);
    }

    public OpHandler get(int opCode) {
        return handlers.get(opCode);
    }

    public WriteOp<?> multiWriteOp(int opCode) {
        return MULTI_WRITE_OPS.contains(opCode) ? (WriteOp<?>) handlers.get(opCode) : null;
    }

    public ReadOp<?> multiReadOp(int opCode) {
        return MULTI_READ_OPS.contains(opCode) ? (ReadOp<?>) handlers.get(opCode) : null;
    }
}
