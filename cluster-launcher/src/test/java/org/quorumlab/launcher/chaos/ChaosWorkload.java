package org.quorumlab.launcher.chaos;

import java.util.List;

/**
 * The znodes one run works on: register keys (each created with data "0", so version 0 holds
 * value 0 as the register model's initial state) and one queue parent.
 */
record ChaosWorkload(List<String> keys, String queue) {

    static ChaosWorkload of(int registers) {
        List<String> keys = java.util.stream.IntStream.range(0, registers).mapToObj(i -> "/chaos/r" + i).toList();
        return new ChaosWorkload(keys, "/chaos/queue");
    }
}
