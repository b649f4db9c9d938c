package org.quorumlab.gui.lessons;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How lessons run their cluster.
 *
 * @param clusterDir     directory of the lesson cluster; wiped by every {@code startCluster}
 *                       (refused when it holds something that is not a launcher cluster)
 * @param maxSlowFactor  slowMotion factors above this are lowered to it (tests keep CI fast with 3);
 *                       the teaching API is still called
 * @param actionTimeout  bound for one blocking action at real time (stretched in slow motion)
 * @param stepInterval   while the cluster is paused, how often an action that waits for progress
 *                       steps held messages, as a presenter pressing Step would
 */
public record LessonSettings(Path clusterDir, int maxSlowFactor, Duration actionTimeout, Duration stepInterval) {

    public static final int MAX_FACTOR = 1000;

    public LessonSettings {
        if (maxSlowFactor < 1 || maxSlowFactor > MAX_FACTOR) {
            throw new IllegalArgumentException("maxSlowFactor must be within 1.." + MAX_FACTOR);
        }
    }

    /** {@code ~/.quorumlab/lesson-cluster}, next to the bundled cluster's default directory. */
    public static Path defaultClusterDir() {
        return Path.of(System.getProperty("user.home"), ".quorumlab", "lesson-cluster");
    }

    /** The console's settings: full slow motion, one minute per action. */
    public static LessonSettings forConsole(Path clusterDir) {
        return new LessonSettings(clusterDir, MAX_FACTOR, Duration.ofSeconds(60), Duration.ofMillis(25));
    }

    /** Headless runs in tests and CI: slow motion capped at 3x. */
    public static LessonSettings fast(Path clusterDir) {
        return new LessonSettings(clusterDir, 3, Duration.ofSeconds(60), Duration.ofMillis(10));
    }

    /**
     * {@link #actionTimeout} stretched for a cluster running {@code slowFactor} times slower: a
     * timeout of the consensus clock takes that much longer too.
     */
    public Duration timeoutAt(int slowFactor) {
        return actionTimeout.multipliedBy(Math.max(1, (slowFactor + 9) / 10));
    }
}
