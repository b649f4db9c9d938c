package org.quorumlab.gui.lessons;

import java.util.List;

/**
 * One step of a {@link Lesson}.
 *
 * @param title     short heading
 * @param narration what the presenter says (plain text, blank line = paragraph)
 * @param action    what the step does to the cluster
 * @param expect    observations the audience should see (shown, not checked)
 * @param question  a question for the audience
 */
public record LessonStep(String title, String narration, LessonAction action, List<String> expect, String question) {

    public LessonStep {
        expect = List.copyOf(expect);
    }
}
