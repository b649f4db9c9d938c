/**
 * The load generator: {@link org.quorumlab.launcher.load.LoadGenerator} drives official ZooKeeper
 * client sessions against any ZooKeeper-compatible ensemble and reports
 * {@link org.quorumlab.launcher.load.LoadSample}s (ops/s, errors, latency percentiles from a
 * log-bucket {@link org.quorumlab.launcher.load.LatencyHistogram}, per-server distribution).
 * Sub-package {@code balancing} holds the client-side policies. May import the official client,
 * {@code org.quorumlab.launcher} (exceptions) and {@code org.quorumlab.launcher.probe}; never the
 * engine or the CLI.
 */
package org.quorumlab.launcher.load;
