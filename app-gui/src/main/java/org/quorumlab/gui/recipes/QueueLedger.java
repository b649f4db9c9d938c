package org.quorumlab.gui.recipes;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the producers put into the queue and what the consumers took out, so the audience can see
 * that every item is consumed exactly once. Items carry the run, producer index and sequence
 * ({@code run:producer:seq}); items of an earlier run still in the queue count as leftovers.
 */
final class QueueLedger {

    private final String run;
    private final Set<String> produced = new HashSet<>();
    private final Map<String, Integer> consumed = new HashMap<>();
    private int leftovers;

    QueueLedger(String run) {
        this.run = run;
    }

    byte[] item(int producer, long seq) {
        return (run + ":" + producer + ":" + seq).getBytes(StandardCharsets.UTF_8);
    }

    /** Short label of an item for the detail column, e.g. {@code p3#12}. */
    static String label(byte[] item) {
        String[] parts = new String(item, StandardCharsets.UTF_8).split(":");
        return parts.length == 3 ? "p" + parts[1] + "#" + parts[2] : "?";
    }

    synchronized void produced(byte[] item) {
        produced.add(new String(item, StandardCharsets.UTF_8));
    }

    synchronized void consumed(byte[] item) {
        String s = new String(item, StandardCharsets.UTF_8);
        if (!s.startsWith(run + ":")) {
            leftovers++;
            return;
        }
        consumed.merge(s, 1, Integer::sum);
    }

    synchronized int producedCount() {
        return produced.size();
    }

    /** Distinct items of this run taken out of the queue. */
    synchronized int consumedCount() {
        return consumed.size();
    }

    /** Items taken out more than once (must stay 0). */
    synchronized int duplicates() {
        return (int) consumed.values().stream().filter(n -> n > 1).count();
    }

    /** Produced items nobody has taken yet. */
    synchronized int waiting() {
        return (int) produced.stream().filter(p -> !consumed.containsKey(p)).count();
    }

    synchronized int leftovers() {
        return leftovers;
    }

    /** Consumed items no producer reported (an offer that failed on the client yet reached the server). */
    synchronized int unknown() {
        return (int) consumed.keySet().stream().filter(c -> !produced.contains(c)).count();
    }
}
