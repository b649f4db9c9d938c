package org.quorumlab.launcher.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The znodes one run works on: register keys (each created with data "0", so version 0 holds
 * value 0 as the register model's initial state) and one queue parent. Like Jepsen's independent
 * keys, the registers rotate: generation {@code g} ({@code /chaos/g<g>-r<i>}) is used during the
 * {@code g}-th period of {@code generation} after the run started (the last one until the end), so
 * each key's history, and with it the linearizability search over its indeterminate operations,
 * stays small however long the run is.
 *
 * @param generations register keys per generation
 * @param generation  how long one generation is used
 * @param queue       the queue's parent znode
 */
record ChaosWorkload(List<List<String>> generations, Duration generation, String queue) {

    static ChaosWorkload of(int registers, Duration run, Duration generation) {
        int count = (int) (run.toMillis() / generation.toMillis()) + 2;
        List<List<String>> gens = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < registers; i++) {
                keys.add("/chaos/g" + g + "-r" + i);
            }
            gens.add(List.copyOf(keys));
        }
        return new ChaosWorkload(List.copyOf(gens), generation, "/chaos/queue");
    }

    /** Every register key of every generation. */
    List<String> keys() {
        return generations.stream().flatMap(List::stream).toList();
    }

    /** The keys in use {@code nanos} after the run started. */
    List<String> keysAt(long nanos) {
        int g = (int) Math.min(nanos / generation.toNanos(), generations.size() - 1);
        return generations.get(g);
    }
}
