package org.quorumlab.gui.lessons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action of a step: a type from docs/lessons.md, its arguments and whether it is supposed to fail.
 *
 * @param type          the action type
 * @param args          argument values as parsed from JSON (Integer, Long, String, Boolean, ...)
 * @param expectFailure true for an action that must fail (e.g. a write to a partitioned minority)
 */
public record LessonAction(ActionType type, Map<String, Object> args, boolean expectFailure) {

    public LessonAction {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** An action without arguments. */
    public static LessonAction of(ActionType type) {
        return new LessonAction(type, Map.of(), false);
    }

    /** Integer argument {@code name}, or {@code fallback} when absent. */
    public int intArg(String name, int fallback) {
        Object v = args.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        throw new LessonFormatException(type.lessonName() + ": argument '" + name + "' must be a number, got '"
                + v + "'");
    }

    /** Required text argument {@code name}. */
    public String textArg(String name) {
        Object v = args.get(name);
        if (v == null) {
            throw new LessonFormatException(type.lessonName() + ": argument '" + name + "' is missing");
        }
        return v.toString();
    }

    /** Node reference argument {@code name}, or null when absent. */
    public NodeRef nodeArg(String name) {
        Object v = args.get(name);
        return v == null ? null : NodeRef.parse(v);
    }

    /** {@code write {path=/a, data=x}} for logs and errors. */
    public String describe() {
        return type.lessonName() + (args.isEmpty() ? "" : " " + args) + (expectFailure ? " (expected to fail)" : "");
    }
}
