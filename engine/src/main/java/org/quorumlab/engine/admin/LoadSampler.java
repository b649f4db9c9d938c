package org.quorumlab.engine.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quorumlab.engine.server.LatencyHistogram;
import org.quorumlab.engine.server.ServerStats;

/**
 * Once a second: turns the growth of the latency histograms since the last sample into a
 * {@code LoadSample} event (ops/s by read and write, p50/p99 over that second, connections,
 * outstanding requests, watch notifications, and how long quorum messages waited for the owner
 * thread: {@code quorumQueueDelayP99Ms}). Percentiles interpolate inside fixed buckets.
 */
final class LoadSampler implements Runnable {

    private final NodeView view;
    private final EventHub hub;
    private long[] lastReads;
    private long[] lastWrites;
    private long[] lastQuorumDelays;
    private long lastWatchEvents;
    private long lastNanos;

    LoadSampler(NodeView view, EventHub hub) {
        this.view = view;
        this.hub = hub;
        ServerStats st = view.stats();
        this.lastReads = st.readLatency.counts();
        this.lastWrites = st.writeLatency.counts();
        this.lastQuorumDelays = st.quorumQueueDelay.counts();
        this.lastWatchEvents = st.watchEventsSent.sum();
        this.lastNanos = System.nanoTime();
    }

    @Override
    public void run() {
        hub.publish(sample());
    }

    synchronized Map<String, Object> sample() {
        ServerStats st = view.stats();
        long now = System.nanoTime();
        long[] reads = st.readLatency.counts();
        long[] writes = st.writeLatency.counts();
        long watchEvents = st.watchEventsSent.sum();
        long[] quorumDelays = st.quorumQueueDelay.counts();
        long[] quorumDelta = new long[quorumDelays.length];
        for (int i = 0; i < quorumDelays.length; i++) {
            quorumDelta[i] = Math.max(0, quorumDelays[i] - lastQuorumDelays[i]);
        }
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long[] delta = new long[reads.length];
        long readOps = 0;
        long writeOps = 0;
        for (int i = 0; i < reads.length; i++) {
            long r = Math.max(0, reads[i] - lastReads[i]);
            long w = Math.max(0, writes[i] - lastWrites[i]);
            readOps += r;
            writeOps += w;
            delta[i] = r + w;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "LoadSample");
        m.put("mode", view.mode());
        m.put("readsPerSec", round(readOps / seconds));
        m.put("writesPerSec", round(writeOps / seconds));
        m.put("p50Ms", round(percentileMs(delta, 0.50)));
        m.put("p99Ms", round(percentileMs(delta, 0.99)));
        m.put("connections", view.connections().size());
        m.put("outstanding", Math.max(0, st.outstanding.get()));
        m.put("watchEventsPerSec", round((watchEvents - lastWatchEvents) / seconds));
        m.put("quorumQueueDelayP99Ms", round(percentileMs(quorumDelta, 0.99)));
        lastReads = reads;
        lastWrites = writes;
        lastQuorumDelays = quorumDelays;
        lastWatchEvents = watchEvents;
        lastNanos = now;
        return m;
    }

    /** Percentile in ms of samples distributed over {@link LatencyHistogram} buckets; 0 if empty. */
    static double percentileMs(long[] bucketCounts, double q) {
        long total = 0;
        for (long c : bucketCounts) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        double rank = q * total;
        long seen = 0;
        long[] bounds = LatencyHistogram.BOUNDS_MICROS;
        for (int i = 0; i < bucketCounts.length; i++) {
            if (bucketCounts[i] > 0 && seen + bucketCounts[i] >= rank) {
                double lower = i == 0 ? 0 : bounds[i - 1];
                double upper = i < bounds.length ? bounds[i] : bounds[bounds.length - 1];
                double within = (rank - seen) / bucketCounts[i];
                return (lower + (upper - lower) * within) / 1_000.0;
            }
            seen += bucketCounts[i];
        }
        return bounds[bounds.length - 1] / 1_000.0;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
