package org.quorumlab.engine.replication;

/**
 * What the {@link TeachingGate} reports on the node's event stream while it slows or pauses the
 * quorum traffic (schema in docs/events.md). Message ids are per server and increase from 1.
 */
public sealed interface TeachingEvent {

    /** A quorum message was held; {@code deliverTs} is null while paused, {@code zxid} null when it carries none. */
    record MessageSent(long id, long to, String kind, Long zxid, Long deliverTs) implements TeachingEvent {
    }

    /** A held message was handed to the transport. */
    record MessageDelivered(long id, long to, String kind) implements TeachingEvent {
    }

    /** A held message was discarded; the receiver never sees it. */
    record MessageDropped(long id, long to, String kind, String reason) implements TeachingEvent {
    }

    /** The speed or pause state changed. */
    record TeachingChanged(int slowFactor, boolean paused, long messageDelayMs) implements TeachingEvent {
    }
}
