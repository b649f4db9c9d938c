package org.quorumlab.engine.server;

import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;

/**
 * A request answered from local committed state without a transaction (reads, watch
 * management, ping, sync).
 *
 * @param <R> the request record
 */
public non-sealed interface ReadOp<R> extends OpHandler {

    R parse(JuteInput in);

    /**
     * @return the reply body, or null for a header-only reply
     * @throws org.quorumlab.engine.proto.ZooKeeperException to reply with an error code
     */
    JuteRecord execute(ReadContext ctx, R request);

    /** Parses and executes in one call, so callers need not capture {@code R}. */
    default JuteRecord handle(ReadContext ctx, JuteInput in) {
        return execute(ctx, parse(in));
    }
}
