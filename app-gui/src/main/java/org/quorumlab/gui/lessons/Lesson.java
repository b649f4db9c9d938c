package org.quorumlab.gui.lessons;

import java.util.List;

/**
 * One workshop lesson ({@code quorumlab-lesson/1}, docs/lessons.md).
 *
 * @param id      {@code NN-kebab-name}; the number orders the catalog
 * @param title   shown in the lesson list
 * @param summary one paragraph for the lesson list
 * @param minutes rough duration for the presenter, 0 when unknown
 * @param steps   at least three, run in order
 */
public record Lesson(String id, String title, String summary, int minutes, List<LessonStep> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** Step {@code index} (0-based). */
    public LessonStep step(int index) {
        return steps.get(index);
    }

    /** "Leader election … (15 min)" for lists. */
    @Override
    public String toString() {
        return title + (minutes > 0 ? " (" + minutes + " min)" : "");
    }
}
