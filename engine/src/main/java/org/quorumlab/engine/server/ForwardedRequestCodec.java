package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;

/** A client write as a learner forwards it to the leader: session, xid, opcode, body and identities. */
public final class ForwardedRequestCodec {

    private ForwardedRequestCodec() {
    }

    public static byte[] encode(Request r) {
        JuteOutput out = new JuteOutput();
        out.writeLong(r.sessionId());
        out.writeInt(r.xid());
        out.writeInt(r.type());
        out.writeBuffer(r.body());
        out.writeVector(r.authInfo(), (o, id) -> id.write(o));
        return out.toByteArray();
    }

    public static Request decode(byte[] bytes, long nowNanos) {
        JuteInput in = new JuteInput(bytes);
        long sid = in.readLong();
        int xid = in.readInt();
        int type = in.readInt();
        byte[] body = in.readBuffer();
        List<Id> auth = in.readVector(Id::read);
        return new Request(null, sid, xid, type, body == null ? new byte[0] : body, auth == null ? List.of() : auth,
                nowNanos);
    }
}
