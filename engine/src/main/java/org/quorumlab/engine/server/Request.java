package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.proto.Id;

/**
 * A decoded client request on its way through the pipeline. {@code body} holds the raw record
 * bytes after the request header; handlers parse it. {@code connection} is null for requests the
 * server makes itself (session expiry, container reaping).
 */
public record Request(ClientConnection connection, long sessionId, int xid, int type, byte[] body,
        List<Id> authInfo, long receivedNanos) {

    public static Request internal(long sessionId, int type, byte[] body, long nowNanos) {
        return new Request(null, sessionId, 0, type, body, List.of(), nowNanos);
    }
}
