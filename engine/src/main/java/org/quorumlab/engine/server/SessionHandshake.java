package org.quorumlab.engine.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.ConnectRequest;
import org.quorumlab.engine.proto.ConnectResponse;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.tree.DataTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session establishment on the pipeline thread: new sessions become a createSession txn (answered
 * when it commits), re-attaches are checked against the replicated session table and password,
 * and the connection registry maps each live session to its current connection.
 */
final class SessionHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(SessionHandshake.class);

    private final ServerConfig config;
    private final SessionTracker sessions;
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, ClientConnection> connecting = new HashMap<>();

    SessionHandshake(ServerConfig config, SessionTracker sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    /**
     * @return a createSession request to route like any write, or null if the handshake is finished
     */
    Request connect(ClientConnection conn, ConnectRequest req, DataTree tree, long nowMs, long nowNanos) {
        if (req.lastZxidSeen() > tree.lastProcessedZxid()) {
            LOG.info("Refusing session from {}: client has seen zxid 0x{}, ours is 0x{}", conn.remoteAddress(),
                    Long.toHexString(req.lastZxidSeen()), Long.toHexString(tree.lastProcessedZxid()));
            conn.close("client is ahead of this server");
            return null;
        }
        int timeout = Math.max(config.minSessionTimeout(), Math.min(config.maxSessionTimeout(), req.timeOut()));
        if (req.sessionId() == 0) {
            long id = sessions.newSessionId();
            conn.setSessionId(id);
            connecting.put(id, conn);
            JuteOutput body = new JuteOutput();
            body.writeInt(timeout);
            return new Request(conn, id, 0, OpCode.createSession, body.toByteArray(), conn.authInfo(), nowNanos);
        }
        long id = req.sessionId();
        boolean valid = sessions.isActive(id) && Arrays.equals(req.passwd(), SessionTracker.passwordFor(id));
        if (!valid) {
            LOG.info("Invalid session 0x{} from {}: expired or wrong password", Long.toHexString(id),
                    conn.remoteAddress());
            conn.sendConnectResponse(new ConnectResponse(0, 0, 0, new byte[16], false));
            conn.close("session expired");
            return null;
        }
        sessions.touch(id, nowMs);
        conn.setSessionId(id);
        ClientConnection old = connections.put(id, conn);
        if (old != null && old != conn) {
            tree.removeWatcher(old);
            old.close("session moved to another connection");
        }
        conn.sendConnectResponse(new ConnectResponse(0, timeout, id, SessionTracker.passwordFor(id), false));
        return null;
    }

    /** The createSession txn committed: answer the waiting connection, if it is on this server. */
    void sessionCreated(long sessionId, int timeout) {
        ClientConnection conn = connecting.remove(sessionId);
        if (conn != null) {
            connections.put(sessionId, conn);
            conn.sendConnectResponse(new ConnectResponse(0, timeout, sessionId, SessionTracker.passwordFor(sessionId),
                    false));
        }
    }

    /** The session ended (closed or expired): drop its connection; close it unless the client asked. */
    void sessionClosed(long sessionId, DataTree tree, boolean closeConnection) {
        ClientConnection conn = connections.remove(sessionId);
        if (conn != null && closeConnection) {
            tree.removeWatcher(conn);
            conn.close("session expired");
        }
    }

    void connectionClosed(ClientConnection conn) {
        connections.remove(conn.sessionId(), conn);
        connecting.remove(conn.sessionId(), conn);
    }

    /** Closes every client connection (this server stopped serving, e.g. lost its leader). */
    void closeAll(String reason) {
        for (ClientConnection c : java.util.List.copyOf(connections.values())) {
            c.close(reason);
        }
        for (ClientConnection c : java.util.List.copyOf(connecting.values())) {
            c.close(reason);
        }
        connections.clear();
        connecting.clear();
    }

    /** Closes the connections of the sessions {@code which} selects (they stay known; the client may reconnect). */
    /** Closes the connections of the sessions {@code which} selects; returns how many. */
    int closeWhere(java.util.function.LongPredicate which, String reason) {
        int closed = 0;
        for (var e : java.util.List.copyOf(connections.entrySet())) {
            if (which.test(e.getKey())) {
                connections.remove(e.getKey());
                e.getValue().close(reason);
                closed++;
            }
        }
        return closed;
    }

    /** Sessions whose client is connected to this server (a copy). */
    java.util.Set<Long> connectedSessions() {
        return java.util.Set.copyOf(connections.keySet());
    }

    int connectionCount() {
        return connections.size();
    }
}
