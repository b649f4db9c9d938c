package org.quorumlab.engine.server.ops;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** ping: keeps the session alive; header-only reply with xid -2. */
public final class PingOp implements ReadOp<Void> {

    @Override
    public int opCode() {
        return OpCode.ping;
    }

    @Override
    public Void parse(JuteInput in) {
        return null;
    }

    @Override
    public JuteRecord execute(ReadContext ctx, Void req) {
        return null;
    }
}
