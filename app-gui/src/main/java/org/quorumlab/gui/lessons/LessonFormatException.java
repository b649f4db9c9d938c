package org.quorumlab.gui.lessons;

/** A lesson file or action that does not follow docs/lessons.md; the message names what is wrong. */
public final class LessonFormatException extends RuntimeException {

    public LessonFormatException(String message) {
        super(message);
    }

    public LessonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
