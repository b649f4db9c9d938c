package org.quorumlab.engine.server.ops;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.ClientInfo;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.WhoAmIResponse;
import org.quorumlab.engine.server.ReadContext;
import org.quorumlab.engine.server.ReadOp;

/** whoAmI: the identities the connection holds (digest ids shown by user name). */
public final class WhoAmIOp implements ReadOp<Void> {

    @Override
    public int opCode() {
        return OpCode.whoAmI;
    }

    @Override
    public Void parse(JuteInput in) {
        return null;
    }

    @Override
    public JuteRecord execute(ReadContext ctx, Void req) {
        List<ClientInfo> infos = new ArrayList<>();
        for (Id id : ctx.authInfo()) {
            String user = "digest".equals(id.scheme()) ? id.id().split(":")[0] : id.id();
            infos.add(new ClientInfo(id.scheme(), user));
        }
        return new WhoAmIResponse(infos);
    }
}
