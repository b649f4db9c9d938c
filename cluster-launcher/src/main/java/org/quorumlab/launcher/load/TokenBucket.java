package org.quorumlab.launcher.load;

import java.util.concurrent.TimeUnit;

/**
 * Paces operations to {@code ratePerSecond} across all clients. Reservation style: each
 * {@link #reserve(long)} takes the next free slot and says how long the caller must wait for it;
 * unused time accumulates as a burst of at most {@code burst} operations. Pure apart from the
 * {@code nowNanos} passed in, so it is tested with a fake clock.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final long maxCreditNanos;
    private long nextFreeNanos;
    private boolean started;

    public TokenBucket(double ratePerSecond, int burst) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond));
        this.maxCreditNanos = intervalNanos * Math.max(1, burst);
    }

    /** Reserves one operation; returns the nanoseconds to wait before issuing it (0 = now). */
    public synchronized long reserve(long nowNanos) {
        if (!started) {
            started = true;
            nextFreeNanos = nowNanos;
        }
        // Let at most maxCredit of unused time carry over as a burst.
        if (nowNanos - nextFreeNanos > maxCreditNanos) {
            nextFreeNanos = nowNanos - maxCreditNanos;
        }
        long slot = nextFreeNanos;
        nextFreeNanos += intervalNanos;
        return Math.max(0, slot - nowNanos);
    }
}
