package org.quorumlab.launcher.load;

import java.util.List;
import java.util.Locale;

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
     * One line for a progress display (CLI, console):
     * {@code [  12s] 4812 ops/s (r 4330 w 482) err 0/s | ms p50 1.2 p99 5.3 p99.9 9.1 | #1 34% #2 33% #3 33%},
     * the shares being each server's part of the interval's operations in connect-list order.
     */
    public String progressLine() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "[%4ds] %.0f ops/s (r %.0f w %.0f) err %.0f/s | ms p50 %.1f p99 %.1f p99.9 %.1f |",
                elapsedMillis / 1000, opsPerSec(), readsPerSec, writesPerSec, errorsPerSec, latency.p50Ms(),
                latency.p99Ms(), latency.p999Ms()));
        double total = servers.stream().mapToDouble(ServerSample::opsPerSec).sum();
        for (int i = 0; i < servers.size(); i++) {
            ServerSample n = servers.get(i);
            b.append(String.format(Locale.ROOT, " #%d %.0f%%%s", i + 1, total == 0 ? 0 : 100 * n.opsPerSec() / total,
                    n.down() ? "(down)" : ""));
        }
        return b.toString();
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
