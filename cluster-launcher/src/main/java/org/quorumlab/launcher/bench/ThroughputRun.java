package org.quorumlab.launcher.bench;

import java.time.Instant;
import org.quorumlab.launcher.Engine;

/**
 * One measured run: one workload on one engine in one round, exactly as one row of the raw CSV
 * ({@link ThroughputCsv}). Every table of a throughput report is computed from a list of these, so
 * a committed CSV regenerates the report's tables.
 *
 * <p>Only measured quantities are fields; rates and per-operation figures are derived, so the CSV
 * and the tables can never disagree about them.
 *
 * @param round       1-based round the run belongs to; runs of the same round are compared
 * @param startedAt   wall-clock time the run started (before its warm-up); null when unknown
 * @param load1Before machine's 1-minute load average just before the run; NaN when unknown
 * @param load5Before machine's 5-minute load average just before the run; NaN when unknown
 * @param seconds     length of the measured window
 * @param ops         successful operations (notifications for the watch workload) in the window
 * @param errors      failed operations (missed notifications) in the window
 * @param cpuSeconds  user + system CPU of the three node processes during the window
 * @param rssMiB      summed resident memory of the three node processes at the window's end
 */
public record ThroughputRun(int round, Engine engine, Workload workload, Instant startedAt, double load1Before,
        double load5Before, double seconds, long ops, long errors, double p50Ms, double p99Ms, double p999Ms,
        double maxMs, double cpuSeconds, double rssMiB) {

    public ThroughputRun {
        if (round < 1) {
            throw new IllegalArgumentException("round must be 1 or more, got " + round);
        }
        if (engine == null || workload == null) {
            throw new IllegalArgumentException("a run needs an engine and a workload");
        }
    }

    public double opsPerSec() {
        return seconds > 0 ? ops / seconds : 0;
    }

    /** CPU of the three servers in percent of one core. */
    public double cpuPercent() {
        return seconds > 0 ? 100 * cpuSeconds / seconds : 0;
    }

    /** Server CPU microseconds per operation. */
    public double cpuMicrosPerOp() {
        return ops > 0 ? 1e6 * cpuSeconds / ops : 0;
    }
}
