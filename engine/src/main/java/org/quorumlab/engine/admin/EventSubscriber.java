package org.quorumlab.engine.admin;

/** A consumer of the event stream (one WebSocket); must never block. */
public interface EventSubscriber {

    /**
     * Hands over one JSON line.
     *
     * @return false if the subscriber could not take it now (its buffer is full) and dropped it
     */
    boolean offer(String jsonLine);
}
