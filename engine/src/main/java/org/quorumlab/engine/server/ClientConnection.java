package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.tree.Watcher;

/**
 * The request pipeline's view of one client connection. Implemented by the network adapter.
 * Contract: methods never block and never throw; replies are delivered in call order; once
 * {@link #close} is called, later sends are dropped.
 */
public interface ClientConnection extends Watcher {

    /** Sends a reply or notification; {@code body} may be null (header only). */
    void send(ReplyHeader header, JuteRecord body);

    /** Sends a raw, already-framed-by-caller record (ConnectResponse has no reply header). */
    void sendConnectResponse(JuteRecord response);

    void close(String reason);

    /** False once the connection is closed (by either side). */
    boolean isOpen();

    /** Identities the client holds: its ip plus any addauth credentials. Thread-safe snapshot. */
    List<Id> authInfo();

    String remoteAddress();

    long sessionId();

    void setSessionId(long sessionId);

    /** Counter and timestamp hooks for cons/stat; cheap, may be no-ops. */
    default void recordReply(int opCode, long latencyNanos) {
    }
}
