package org.quorumlab.engine.server;

import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.TxnHeader;

/**
 * Hands replies from the pipeline thread to their connections and accounts for them (outstanding
 * count, latency). Encoding and the socket write happen on the connection's own thread.
 */
final class ReplySender {

    private final ServerStats stats;
    private final PipelineClock clock;

    ReplySender(ServerStats stats, PipelineClock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    void reply(Request request, ReplyHeader header, JuteRecord body) {
        stats.outstanding.decrementAndGet();
        ClientConnection conn = request.connection();
        if (conn != null) {
            long latency = clock.nanos() - request.receivedNanos();
            stats.recordLatency(request.type(), latency);
            conn.recordReply(request.type(), latency);
            conn.send(header, body);
        }
    }

    /** Answers a committed write; closeSession also closes the client's connection. */
    void replyToWrite(SessionOrdering.InFlight f, ProcessTxnResult result, TxnHeader header) {
        Request request = f.request();
        int err = result.type() == OpCode.multi ? 0 : result.err();
        JuteRecord body = err == 0 ? f.op().reply(result) : null;
        reply(request, new ReplyHeader(request.xid(), header.zxid(), err), body);
        if (request.type() == OpCode.closeSession && request.connection() != null) {
            request.connection().close("session closed by client");
        }
    }
}
