package org.quorumlab.launcher.load;

/**
 * Latency percentiles of a set of operations, in milliseconds (bucket upper bounds, see
 * {@link LatencyHistogram}); all zero when {@code count} is 0.
 */
public record Percentiles(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
}
