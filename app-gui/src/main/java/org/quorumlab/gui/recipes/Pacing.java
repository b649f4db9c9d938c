package org.quorumlab.gui.recipes;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Random durations for every client, from one injected generator (tests pass a fixed one). Client
 * threads share it, so access is serialised: not every {@link RandomGenerator} is thread-safe.
 */
final class Pacing {

    private final RandomGenerator random;

    Pacing(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A duration in {@code [min, max]}. */
    synchronized Duration between(Duration min, Duration max) {
        long lo = min.toMillis();
        long hi = max.toMillis();
        return Duration.ofMillis(hi <= lo ? lo : random.nextLong(lo, hi + 1));
    }

    /** A whole number in {@code [min, max]}. */
    synchronized int between(int min, int max) {
        return max <= min ? min : random.nextInt(min, max + 1);
    }
}
