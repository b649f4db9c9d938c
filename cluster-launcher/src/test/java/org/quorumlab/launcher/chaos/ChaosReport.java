package org.quorumlab.launcher.chaos;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;

/**
 * The outcome of one chaos run: its seed and settings, operations per type with ok / fail /
 * indeterminate counts and the error codes behind them, the nemesis events with their times,
 * the per-key linearizability checks, and every violation (or the failure that aborted the run).
 */
record ChaosReport(ChaosRun.Settings settings, Instant startedAt, long totalMillis, List<NemesisPlan.Step> plan,
        Map<OpType, Map<Outcome, Long>> counts, Map<String, Long> errors, int sessionsOpened,
        List<Nemesis.Event> events, Map<NemesisPlan.Kind, Integer> faultsByKind, List<ChaosChecker.KeyCheck> keyChecks,
        List<String> violations) {

    /** Faults injected, of every kind. */
    int faults() {
        return faultsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    static Map<OpType, Map<Outcome, Long>> count(List<ChaosOp> ops) {
        Map<OpType, Map<Outcome, Long>> counts = new EnumMap<>(OpType.class);
        for (OpType t : OpType.values()) {
            Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                m.put(o, ops.stream().filter(op -> op.type() == t && op.outcome() == o).count());
            }
            counts.put(t, m);
        }
        return counts;
    }

    static Map<String, Long> errors(List<ChaosOp> ops) {
        return ops.stream().filter(o -> !o.error().isEmpty())
                .collect(Collectors.groupingBy(o -> o.type() + " " + o.error(), TreeMap::new, Collectors.counting()));
    }

    boolean passed() {
        return violations.isEmpty();
    }

    long total(Outcome outcome) {
        return counts.values().stream().mapToLong(m -> m.get(outcome)).sum();
    }

    /** One line on the per-key linearizability checks: totals, the costliest search, the keys that failed. */
    String linearizability() {
        if (keyChecks.isEmpty()) {
            return "linearizability: not checked (no final state)";
        }
        ChaosChecker.KeyCheck worst = keyChecks.stream()
                .max(java.util.Comparator.comparingLong(ChaosChecker.KeyCheck::explored)).orElseThrow();
        List<String> failed = keyChecks.stream().filter(k -> !k.linearizable()).map(ChaosChecker.KeyCheck::key).toList();
        return String.format("linearizability: %d keys, %d ops (%d indeterminate), %s; largest search %s: %d ops, "
                + "%d configurations, %d ms", keyChecks.size(), keyChecks.stream().mapToInt(ChaosChecker.KeyCheck::ops)
                .sum(), keyChecks.stream().mapToInt(ChaosChecker.KeyCheck::indeterminate).sum(),
                failed.isEmpty() ? "all linearizable" : "NOT LINEARIZABLE: " + failed, worst.key(), worst.ops(),
                worst.explored(), worst.millis());
    }

    /** Plain text for the test output. */
    String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("CHAOS seed %d kinds %s: %s in %.1f s (%d s of faults), %d clients, %d sessions opened%n",
                settings.seed(), settings.kinds(), passed() ? "PASSED" : violations.size() + " VIOLATIONS",
                totalMillis / 1000.0, settings.chaos().toSeconds(), settings.clients(), sessionsOpened));
        b.append(String.format("  reproduce: -Dtest=ChaosSoakTest -Dquorumlab.chaos.seed=%d -Dquorumlab.chaos.kinds=%s"
                + " -Dquorumlab.chaos.runSeconds=%d%n", settings.seed(),
                settings.kinds().stream().map(Enum::name).collect(Collectors.joining(",")), settings.chaos().toSeconds()));
        b.append("  load average now: ").append(SoakReport.loadAverage()).append('\n');
        counts.forEach((t, m) -> b.append(String.format("  %-8s ok %6d  fail %6d  indeterminate %5d%n", t,
                m.get(Outcome.OK), m.get(Outcome.FAIL), m.get(Outcome.INDETERMINATE))));
        b.append("  errors: ").append(errors).append('\n');
        b.append("  ").append(linearizability()).append('\n');
        events.forEach(e -> b.append("  ").append(e).append('\n'));
        violations.forEach(v -> b.append("  VIOLATION ").append(v).append('\n'));
        return b.toString();
    }

    /** One run as a markdown section. */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("### Seed ").append(settings.seed()).append(" — ").append(passed() ? "passed" : "**"
                + violations.size() + " violations**").append("\n\n");
        b.append("Started ").append(startedAt).append(", ").append(settings.chaos().toSeconds())
                .append(" s of faults over ").append(settings.kinds()).append(", run ")
                .append(String.format("%.1f", totalMillis / 1000.0)).append(" s, ").append(settings.clients())
                .append(" clients, ").append(sessionsOpened).append(" sessions opened, ").append(faults())
                .append(" faults injected ").append(faultsByKind).append(".\n\n");
        b.append("| operation | ok | fail | indeterminate |\n|---|---:|---:|---:|\n");
        counts.forEach((t, m) -> b.append("| ").append(t).append(" | ").append(m.get(Outcome.OK)).append(" | ")
                .append(m.get(Outcome.FAIL)).append(" | ").append(m.get(Outcome.INDETERMINATE)).append(" |\n"));
        b.append("\nErrors: ").append(errors.isEmpty() ? "none" : errors.toString()).append("\n\n");
        b.append(linearizability()).append("\n\n");
        b.append("<details><summary>Nemesis events (").append(events.size()).append(")</summary>\n\n```\n");
        events.forEach(e -> b.append(e).append('\n'));
        b.append("```\n</details>\n\n");
        if (!violations.isEmpty()) {
            b.append("Violations:\n\n");
            violations.forEach(v -> b.append("- ").append(v).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }
}
