package org.quorumlab.engine.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Backpressure on the client port (ZooKeeper's {@code globalOutstandingLimit}): a request read from a
 * socket is admitted into the pipeline only while the server has fewer than {@code globalLimit}
 * requests in flight and its connection fewer than {@code perConnectionLimit}. A connection whose
 * request is refused parks it and stops reading its socket; it is woken when any request completes,
 * so the queues in front of the owner thread stay bounded and TCP pushes back on the clients.
 */
final class Admission {

    /** A connection that can take its parked requests once admission allows. */
    interface Parked {
        /** Called on any thread; the connection re-tries on its own event loop. */
        void wake();
    }

    private final int globalLimit;
    private final int perConnectionLimit;
    private final AtomicInteger inFlight;
    private final AtomicInteger peak;
    private final LongAdder throttles;
    private final Set<Parked> parked = ConcurrentHashMap.newKeySet();

    /**
     * @param inFlight  requests admitted and not yet answered, server-wide (shown in {@code /metrics})
     * @param peak      the most ever admitted at once
     * @param throttles times a connection stopped reading at a limit (shown in {@code /metrics})
     */
    Admission(int globalLimit, int perConnectionLimit, AtomicInteger inFlight, AtomicInteger peak, LongAdder throttles) {
        this.globalLimit = globalLimit;
        this.perConnectionLimit = perConnectionLimit;
        this.inFlight = inFlight;
        this.peak = peak;
        this.throttles = throttles;
    }

    /**
     * Admits one request of a connection that has {@code connectionCount} in flight, adding one to
     * both counts; on refusal the connection is registered to be woken, and the caller parks the
     * request and stops reading.
     */
    boolean tryAdmit(AtomicInteger connectionCount, Parked connection) {
        if (connectionCount.get() >= perConnectionLimit) {
            refuse(connection);
            return false;
        }
        while (true) {
            int now = inFlight.get();
            if (now >= globalLimit) {
                refuse(connection);
                if (inFlight.get() >= globalLimit) {
                    return false;
                }
                // a request completed between the check and the registration: try again
                parked.remove(connection);
                continue;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                peak.accumulateAndGet(now + 1, Math::max);
                connectionCount.incrementAndGet();
                return true;
            }
        }
    }

    private void refuse(Parked connection) {
        if (parked.add(connection)) {
            throttles.increment();
        }
    }

    /** {@code requests} admitted requests were answered, or dropped with their connection. */
    void released(int requests) {
        if (requests <= 0) {
            return;
        }
        inFlight.addAndGet(-requests);
        for (Parked p : parked) {
            if (parked.remove(p)) {
                p.wake();
            }
        }
    }

    /** A parked connection closed: it waits for nothing any more. */
    void forget(Parked connection) {
        parked.remove(connection);
    }
}
