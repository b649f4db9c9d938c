package org.quorumlab.launcher.bench;

import java.time.Duration;
import java.util.List;

/**
 * Parameters of one throughput/latency suite run; identical for every engine it runs.
 *
 * @param clients              client sessions of the write/read/mixed/churn workloads
 * @param outstandingPerClient asynchronous requests one session keeps in flight
 * @param valueSize            bytes written by each setData (at least 32: the value carries its sequence number)
 * @param keysPerClient        znodes each client owns and writes (reads pick any client's)
 * @param priming              unmeasured write load once after the ensemble starts (JIT warm-up of fresh JVMs)
 * @param warmup               load before the measured window of each workload
 * @param duration             measured window of each workload
 * @param watchSessions        sessions of the watch fan-out workload
 * @param watchesPerSession    data watches each of them holds (one per watched znode)
 * @param workloads            workloads to run, in order
 */
public record ThroughputSpec(int clients, int outstandingPerClient, int valueSize, int keysPerClient,
        Duration priming, Duration warmup, Duration duration, int watchSessions, int watchesPerSession,
        List<Workload> workloads) {

    public ThroughputSpec {
        workloads = List.copyOf(workloads);
        if (clients < 1 || outstandingPerClient < 1 || keysPerClient < 1 || watchSessions < 1
                || watchesPerSession < 1) {
            throw new IllegalArgumentException("clients, outstanding, keys and watch sessions must be positive");
        }
        if (valueSize < 32 || valueSize > 1_000_000) {
            throw new IllegalArgumentException("--value-size must be 32..1000000 bytes, got " + valueSize);
        }
    }

    /**
     * Full run: 32 clients, 1 KiB values, 15 s priming, 5 s warm-up + 30 s per workload, 1,000 watch
     * sessions × 10 watches.
     */
    public static ThroughputSpec full() {
        return new ThroughputSpec(32, 8, 1024, 8, Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 1000, 10,
                List.of(Workload.values()));
    }

    /**
     * Smoke check (the whole two-engine suite in under two minutes): 5 s priming, 1 s + 4 s per
     * workload, 100 watch sessions.
     */
    public static ThroughputSpec quick() {
        return new ThroughputSpec(16, 8, 1024, 8, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(4), 100, 10,
                List.of(Workload.values()));
    }

    public ThroughputSpec with(int newClients, int newValueSize, Duration newDuration, List<Workload> newWorkloads) {
        return new ThroughputSpec(newClients, outstandingPerClient, newValueSize, keysPerClient, priming, warmup,
                newDuration, watchSessions, watchesPerSession, newWorkloads);
    }
}
