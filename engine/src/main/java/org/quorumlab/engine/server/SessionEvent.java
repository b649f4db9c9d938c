package org.quorumlab.engine.server;

/**
 * Session lifecycle as the request pipeline sees it, published to observers registered with
 * {@link RequestPipeline#addEventSink}. Emitted on the pipeline thread; observers must not block.
 */
public sealed interface SessionEvent {

    long sessionId();

    /** A createSession txn committed (on every server). */
    record Created(long sessionId, int timeoutMs) implements SessionEvent {
    }

    /** A closeSession txn committed (on every server): the client closed it or it expired. */
    record Closed(long sessionId) implements SessionEvent {
    }

    /** This server (the leader) found the session idle past its timeout and proposed closing it. */
    record Expired(long sessionId) implements SessionEvent {
    }
}
