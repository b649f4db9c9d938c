package org.quorumlab.gui.cluster.load;

import java.util.Map;

/**
 * Progress of a load run.
 *
 * @param completed   requests answered OK
 * @param errors      requests that failed
 * @param shed        requests not sent because the outstanding bound was reached
 * @param outstanding requests in flight
 * @param byServer    completed requests per server address
 * @param elapsedMs   time since start
 */
public record LoadStats(long completed, long errors, long shed, int outstanding, Map<String, Long> byServer,
        long elapsedMs) {

    /** Mean completed requests per second. */
    public double opsPerSec() {
        return elapsedMs <= 0 ? 0 : completed * 1000.0 / elapsedMs;
    }

    /** {@code "12,345 ok, 0 errors, 0 shed, 812 ops/s; 127.0.0.1:2181=4000 ..."}. */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format("%,d ok, %,d errors, %,d shed, %.0f ops/s", completed,
                errors, shed, opsPerSec()));
        if (!byServer.isEmpty()) {
            b.append(';');
            byServer.forEach((s, n) -> b.append(' ').append(s).append('=').append(n));
        }
        return b.toString();
    }
}
