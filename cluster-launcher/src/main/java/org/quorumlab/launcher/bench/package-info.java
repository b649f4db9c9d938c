/**
 * Benchmarks on real node processes: {@link org.quorumlab.launcher.bench.FailoverBenchmark}
 * (kill -9 leader, add-server reconfig), {@link org.quorumlab.launcher.bench.StabilityBenchmark},
 * {@link org.quorumlab.launcher.bench.ScaleBenchmark} (a million-znode tree: load, restart, follower
 * catch-up, memory; reported by {@link org.quorumlab.launcher.bench.ScaleReport}) and the
 * throughput/latency suite: {@link org.quorumlab.launcher.bench.ThroughputBenchmark} runs
 * one engine for one round (write, read, mixed, churn, watch fan-out; own closed-loop async driver,
 * log-bucket latency histogram, /proc CPU, RSS and load-average sampling, read-back of acknowledged
 * writes), {@link org.quorumlab.launcher.bench.AlternatingRounds} orders the engine-rounds ABAB…,
 * and every report table is a function of the per-run rows
 * ({@link org.quorumlab.launcher.bench.ThroughputRun}, written and read back by
 * {@link org.quorumlab.launcher.bench.ThroughputCsv}, tabulated by
 * {@link org.quorumlab.launcher.bench.ThroughputTables}) rendered by
 * {@link org.quorumlab.launcher.bench.ThroughputReport}. May import {@code org.quorumlab.launcher}
 * and its sub-packages (never {@code .cli}) and the official ZooKeeper client; never engine internals.
 */
package org.quorumlab.launcher.bench;
