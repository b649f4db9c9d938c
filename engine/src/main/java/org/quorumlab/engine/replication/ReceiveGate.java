package org.quorumlab.engine.replication;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Periodic work that measures silence (consensus ticks, session expiry) must not run ahead of the
 * peer frames that already reached this process: a server whose receiving threads were starved of
 * CPU would otherwise count its own starvation as silence from its peers. This gate posts the work
 * behind {@link QuorumTransport#afterPendingReceives} and keeps at most one posting in flight, so
 * ticks a starved process could not observe are not counted twice when it runs again.
 */
public final class ReceiveGate {

    private final QuorumTransport transport;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    public ReceiveGate(QuorumTransport transport) {
        this.transport = transport;
    }

    /**
     * Posts {@code work} to {@code executor} once the pending receives are delivered, unless an
     * earlier posting has not reached {@code executor} yet (then nothing is posted).
     *
     * @return whether {@code work} was posted
     */
    public boolean post(Executor executor, Runnable work) {
        if (!inFlight.compareAndSet(false, true)) {
            return false;
        }
        transport.afterPendingReceives(() -> executor.execute(() -> {
            inFlight.set(false);
            work.run();
        }));
        return true;
    }
}
