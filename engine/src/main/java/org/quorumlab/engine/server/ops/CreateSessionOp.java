package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.PrepareContext;
import org.quorumlab.engine.server.WriteOp;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;

/** Session creation, issued by the handshake (never accepted from a client request header). */
public final class CreateSessionOp implements WriteOp<Integer> {

    @Override
    public int opCode() {
        return OpCode.createSession;
    }

    @Override
    public Integer parse(JuteInput in) {
        return in.readInt();
    }

    @Override
    public Txn prepare(PrepareContext ctx, Integer timeoutMs) {
        return new Txn.CreateSession(timeoutMs);
    }

    @Override
    public JuteRecord reply(ProcessTxnResult result) {
        return null;
    }
}
