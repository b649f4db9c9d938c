package org.quorumlab.engine.proto;

import java.util.List;

/**
 * Reply to whoAmI: every identity of the calling session.
 *
 * <p>Jute {@code org.apache.zookeeper.proto.WhoAmIResponse}.
 */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements JuteRecord {

    /** Reads one WhoAmIResponse from {@code in}. */
    public static WhoAmIResponse read(JuteInput in) {
        return new WhoAmIResponse(in.readVector(ClientInfo::read));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeVector(clientInfo, JuteOutput::writeRecord);
    }
}
