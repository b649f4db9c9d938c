/**
 * Benchmarks on real node processes: {@link org.quorumlab.launcher.bench.FailoverBenchmark}
 * (kill -9 leader, add-server reconfig) and the throughput/latency suite
 * {@link org.quorumlab.launcher.bench.ThroughputBenchmark} (write, read, mixed, churn, watch
 * fan-out; own closed-loop async driver, log-bucket latency histogram, /proc CPU and RSS sampling,
 * read-back of acknowledged writes) with its Markdown/CSV/HTML
 * {@link org.quorumlab.launcher.bench.ThroughputReport}. May import {@code org.quorumlab.launcher}
 * and the official ZooKeeper client; never engine internals or the CLI.
 */
package org.quorumlab.launcher.bench;
