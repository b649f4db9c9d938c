package org.quorumlab.launcher.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quorumlab.engine.consensus.lincheck.LinearizabilityChecker;
import org.quorumlab.engine.consensus.lincheck.RegisterOp;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;

/**
 * Checks one run's history and final state:
 * <ul>
 * <li>per register key, the reads, writes and CASes plus the final read-back from every server
 * form a linearizable history of a versioned register (indeterminate operations may have taken
 * effect at any time after their call, or never);</li>
 * <li>every acknowledged write is present at the end: each server's final version of a key is at
 * least the number of acknowledged writes to it (and at most acknowledged plus indeterminate),
 * and all servers agree;</li>
 * <li>the queue: nothing is removed twice or without having been added, a removed item is the
 * one added at that path, and every acknowledged add is at the end either removed or still
 * queued — on every server.</li>
 * </ul>
 */
final class ChaosChecker {

    /** Search effort and verdict of one key's linearizability check. */
    record KeyCheck(String key, int ops, int indeterminate, boolean linearizable, long explored, long millis) {
    }

    /** All violations found (empty = the run passed) and the per-key linearizability checks. */
    record Verdict(List<String> violations, List<KeyCheck> keys) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    /**
     * Bound on one key's search (each configuration is memoized, so this bounds memory too: a few
     * hundred MB at most). Reaching it is reported, never passed: the run is inconclusive.
     */
    static final long MAX_CONFIGURATIONS = 2_000_000;

    private ChaosChecker() {
    }

    static Verdict check(List<ChaosOp> history, List<String> keys, FinalState end) {
        List<String> violations = new ArrayList<>();
        List<KeyCheck> checks = new ArrayList<>();
        for (String key : keys) {
            checks.add(checkRegister(key, history, end, violations));
            checkAcknowledgedWritesPresent(key, history, end, violations);
        }
        checkQueue(history, end, violations);
        history.stream().filter(ChaosOp::unexpectedFailure).limit(5)
                .forEach(o -> violations.add("unexpected failure: " + o));
        return new Verdict(violations, checks);
    }

    /** The ops of {@code key}'s register history followed by the final reads, as model ops numbered 0..n-1. */
    static List<RegisterOp> registerHistory(String key, List<ChaosOp> history, FinalState end) {
        List<RegisterOp> ops = new ArrayList<>();
        for (ChaosOp o : history) {
            if (o.key().equals(key) && o.inRegisterHistory()) {
                ops.add(o.toRegisterOp(ops.size()));
            }
        }
        for (FinalState.ServerSnapshot s : end.servers()) {
            FinalState.Cell c = s.registers().get(key);
            if (c != null) {
                ops.add(RegisterOp.read(ops.size(), c.call(), c.ret(), c.value(), c.version()));
            }
        }
        return ops;
    }

    private static KeyCheck checkRegister(String key, List<ChaosOp> history, FinalState end, List<String> out) {
        List<RegisterOp> ops = registerHistory(key, history, end);
        int pending = (int) ops.stream().filter(RegisterOp::pending).count();
        long t0 = System.nanoTime();
        LinearizabilityChecker.Result r;
        try {
            r = LinearizabilityChecker.check(ops, MAX_CONFIGURATIONS);
        } catch (LinearizabilityChecker.SearchLimitExceeded e) {
            out.add("register " + key + ": inconclusive, " + e.getMessage() + " (" + ops.size() + " operations, "
                    + pending + " indeterminate)");
            return new KeyCheck(key, ops.size(), pending, false, MAX_CONFIGURATIONS,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!r.linearizable()) {
            out.add("register " + key + ": the history of " + ops.size() + " operations (" + pending
                    + " indeterminate, final reads " + finalReads(key, end) + ") is not linearizable");
        }
        return new KeyCheck(key, ops.size(), pending, r.linearizable(), r.explored(), ms);
    }

    private static void checkAcknowledgedWritesPresent(String key, List<ChaosOp> history, FinalState end,
            List<String> out) {
        long acked = history.stream().filter(o -> o.key().equals(key) && isWrite(o) && o.outcome() == Outcome.OK)
                .count();
        long maybe = history.stream()
                .filter(o -> o.key().equals(key) && isWrite(o) && o.outcome() == Outcome.INDETERMINATE).count();
        Map<Long, FinalState.Cell> byServer = new TreeMap<>();
        for (FinalState.ServerSnapshot s : end.servers()) {
            FinalState.Cell c = s.registers().get(key);
            if (c == null) {
                out.add("register " + key + " is missing on server " + s.server());
                continue;
            }
            byServer.put(s.server(), c);
            if (c.version() < acked) {
                out.add("register " + key + " on server " + s.server() + ": version " + c.version() + " but " + acked
                        + " acknowledged writes: " + (acked - c.version()) + " acknowledged writes lost");
            } else if (c.version() > acked + maybe) {
                out.add("register " + key + " on server " + s.server() + ": version " + c.version() + " but only "
                        + acked + " acknowledged and " + maybe + " indeterminate writes were issued");
            }
        }
        if (byServer.values().stream().map(c -> c.value() + "/v" + c.version()).distinct().count() > 1) {
            out.add("servers disagree on register " + key + ": " + finalReads(key, end));
        }
    }

    private static boolean isWrite(ChaosOp o) {
        return o.type() == OpType.WRITE || o.type() == OpType.CAS;
    }

    private static void checkQueue(List<ChaosOp> history, FinalState end, List<String> out) {
        Map<String, ChaosOp> added = new HashMap<>();
        for (ChaosOp o : history) {
            if (o.type() == OpType.ENQUEUE && o.outcome() != Outcome.FAIL) {
                added.put(o.item(), o);
            }
        }
        Map<String, List<ChaosOp>> removed = history.stream()
                .filter(o -> o.type() == OpType.DEQUEUE && o.outcome() != Outcome.FAIL)
                .collect(Collectors.groupingBy(ChaosOp::item, TreeMap::new, Collectors.toList()));
        removed.forEach((item, removals) -> {
            long acked = removals.stream().filter(r -> r.outcome() == Outcome.OK).count();
            if (acked > 1) {
                out.add("queue item " + item + " removed " + acked + " times: " + removals);
            }
            ChaosOp add = added.get(item);
            if (add == null) {
                out.add("queue item " + item + " removed but never added: " + removals.get(0));
            } else if (add.outcome() == Outcome.OK) {
                removals.stream().filter(r -> !r.path().equals(add.path())).findFirst().ifPresent(r -> out.add(
                        "queue item " + item + " was added as " + add.path() + " but removed from " + r.path()));
            }
        });
        for (FinalState.ServerSnapshot s : end.servers()) {
            Map<String, String> present = new HashMap<>();
            s.queue().forEach((path, item) -> present.put(item, path));
            for (ChaosOp add : added.values()) {
                List<ChaosOp> removals = removed.getOrDefault(add.item(), List.of());
                boolean removedOk = removals.stream().anyMatch(r -> r.outcome() == Outcome.OK);
                boolean queued = present.containsKey(add.item());
                if (add.outcome() == Outcome.OK && removals.isEmpty() && !queued) {
                    out.add("queue item " + add.item() + " (added as " + add.path() + ", acknowledged) is neither "
                            + "removed nor queued on server " + s.server() + ": acknowledged add lost");
                }
                if (removedOk && queued) {
                    out.add("queue item " + add.item() + " was removed but is still queued on server " + s.server()
                            + " at " + present.get(add.item()));
                }
            }
            present.keySet().stream().filter(item -> !added.containsKey(item)).sorted().findFirst().ifPresent(item ->
                    out.add("server " + s.server() + " holds queue item " + item + " that no client added"));
        }
        if (end.servers().stream().map(s -> s.queue().keySet()).distinct().count() > 1) {
            out.add("servers disagree on the queue: " + end.servers().stream()
                    .map(s -> s.server() + "=" + s.queue().size() + " items").collect(Collectors.joining(", ")));
        }
    }

    private static String finalReads(String key, FinalState end) {
        return end.servers().stream().map(s -> {
            FinalState.Cell c = s.registers().get(key);
            return "server " + s.server() + "=" + (c == null ? "missing" : "(" + c.value() + ", v" + c.version() + ")");
        }).collect(Collectors.joining(", "));
    }
}
