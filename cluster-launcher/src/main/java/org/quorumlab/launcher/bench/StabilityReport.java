package org.quorumlab.launcher.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The stability benchmark's Markdown report: one summary row per engine, then every burst and transition. */
public final class StabilityReport {

    private StabilityReport() {
    }

    public static String markdown(List<StabilityBenchmark.Result> results, String machine, String load) {
        StringBuilder b = new StringBuilder("# Leadership under load\n\n");
        b.append("Machine: ").append(machine).append("  \nDate: ").append(LocalDate.now())
                .append("  \nLoad average: ").append(load).append("\n\n");
        if (!results.isEmpty()) {
            StabilityBenchmark.Spec s = results.get(0).spec();
            b.append(String.format(Locale.ROOT, "%d cycles of %d s writes then %d s reads (%d sessions × %d async "
                    + "requests, 1 KiB), then %d s mixed 90/10 with %d sessions × %d; %d CPU-hog thread(s); "
                    + "tickTime %d ms, syncLimit 5.%n%n", s.cycles(), s.phase().toSeconds(), s.phase().toSeconds(),
                    s.clients(), s.outstanding(), s.mixed().toSeconds(), s.overloadClients(), s.outstanding(),
                    s.hogThreads(), s.tickTime()));
        }
        b.append("| engine | requests ok | failed | sessions expired | leader changes | servers seen not serving "
                + "| `srvr` polls unanswered within 1 s | verdict |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (StabilityBenchmark.Result r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s |%n", r.engine().cliName(),
                    r.ok(), r.failed(), r.expiredSessions(), r.leaderChanges(), r.notServingSightings(), r.unansweredPolls(),
                    r.stable() ? "stable" : "**unstable**"));
        }
        for (StabilityBenchmark.Result r : results) {
            b.append("\n## ").append(r.engine().cliName()).append("\n\n");
            if (!r.longestStallMillis().isEmpty()) {
                b.append("Longest time each server's process did not run (its log's \"consensus clock stalled\" "
                        + "lines): ");
                r.longestStallMillis().forEach((id, ms) -> b.append("server ").append(id).append(' ')
                        .append(ms).append(" ms; "));
                b.append("a leader silent for longer than syncLimit × tickTime = ").append(5 * r.spec().tickTime())
                        .append(" ms has failed, to its followers. Client connections closed because their server had "
                                + "no leader for longer than their sessions could wait: ")
                        .append(r.connectionsClosedWithoutLeader()).append(".\n\n");
            }
            if (!r.quorumDelays().isEmpty()) {
                b.append("Quorum-message queue delay (receipt to consensus thread):\n\n");
                r.quorumDelays().forEach(d -> b.append("- ").append(d).append('\n'));
                b.append('\n');
            }
            b.append("| burst | ok | failed | p99 ms | leader changes so far |\n|---|---:|---:|---:|---:|\n");
            for (StabilityBenchmark.Phase p : r.phases()) {
                b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d |%n", p.name(), p.ok(), p.failed(),
                        p.p99Millis(), p.leaderChangesSoFar()));
            }
            b.append("\nTransitions seen by `srvr` polling every 50 ms: ");
            b.append(r.transitions().isEmpty() ? "none.\n" : "\n\n");
            r.transitions().forEach(t -> b.append("- ").append(t).append('\n'));
        }
        return b.toString();
    }
}
