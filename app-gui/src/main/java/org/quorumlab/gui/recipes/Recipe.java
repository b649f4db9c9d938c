package org.quorumlab.gui.recipes;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Curator recipes the demo can run, each under its own znode. */
public enum Recipe {
    LOCK("lock", "Lock (InterProcessMutex)", "/recipes/lock"),
    LEADER_LATCH("leaderLatch", "Leader latch", "/recipes/latch"),
    QUEUE("queue", "Distributed queue", "/recipes/queue"),
    CONFIG("config", "Shared config (watch)", "/recipes/config");

    private final String lessonName;
    private final String label;
    private final String path;

    Recipe(String lessonName, String label, String path) {
        this.lessonName = lessonName;
        this.label = label;
        this.path = path;
    }

    /** The name lesson files use ({@code lock}, {@code leaderLatch}, {@code queue}, {@code config}). */
    public String lessonName() {
        return lessonName;
    }

    /** The znode the recipe works under. */
    public String path() {
        return path;
    }

    /** Human-readable name for selectors. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The recipe a lesson names.
     *
     * @throws IllegalArgumentException naming the valid names when {@code s} is none of them
     */
    public static Recipe fromLessonName(String s) {
        String name = s == null ? "" : s.trim();
        for (Recipe r : values()) {
            if (r.lessonName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown recipe '" + name + "'; valid: "
                + Arrays.stream(values()).map(Recipe::lessonName).collect(Collectors.joining(", ")));
    }
}
