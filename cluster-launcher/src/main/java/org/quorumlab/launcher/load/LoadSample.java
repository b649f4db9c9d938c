package org.quorumlab.launcher.load;

import java.util.List;

/**
 * One periodic measurement of a {@link LoadGenerator}, or (with {@code last}) the summary of the
 * whole run, where the "interval" is the whole run.
 *
 * @param elapsedMillis  time since the generator started
 * @param intervalSeconds length of the interval the rates and {@code latency} cover
 * @param readsPerSec    successful reads per second over the interval
 * @param writesPerSec   successful writes per second over the interval
 * @param errorsPerSec   failed operations per second over the interval
 * @param totalReads     successful reads since start
 * @param totalWrites    successful writes since start
 * @param totalErrors    failed operations since start (connection loss, timeouts, ...)
 * @param latency        percentiles of the operations completed in the interval
 * @param overallLatency percentiles since start
 * @param servers        per-server distribution, in connect-list order
 * @param last           true for the final summary sent when the generator stops
 */
public record LoadSample(long elapsedMillis, double intervalSeconds, double readsPerSec, double writesPerSec,
        double errorsPerSec, long totalReads, long totalWrites, long totalErrors, Percentiles latency,
        Percentiles overallLatency, List<ServerSample> servers, boolean last) {

    public LoadSample {
        servers = List.copyOf(servers);
    }

    public double opsPerSec() {
        return readsPerSec + writesPerSec;
    }

    public long totalOps() {
        return totalReads + totalWrites;
    }

    /**
     * One server's part of the load.
     *
     * @param server            {@code host:port}
     * @param clients           sessions assigned to it now
     * @param opsPerSec         successful operations per second over the interval
     * @param totalOps          successful operations since start
     * @param errors            failed operations since start
     * @param outstanding       operations in flight now
     * @param latencyEwmaMillis its latency moving average
     * @param share             {@code totalOps} as a fraction of all successful operations (0..1)
     * @param down              clients could not reach it recently
     */
    public record ServerSample(String server, int clients, double opsPerSec, long totalOps, long errors,
            int outstanding, double latencyEwmaMillis, double share, boolean down) {
    }
}
