package org.quorumlab.gui.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a lesson document ({@code quorumlab-lesson/1}) with the structural rules of
 * docs/lessons.md: required fields and types, no unknown fields, known action types with their
 * required arguments and no unknown ones, questions ending with '?'. The sequence checks (a node
 * exists before it is stopped, ...) are the job of the assets module's LessonsTest.
 */
public final class LessonReader {

    public static final String FORMAT = "quorumlab-lesson/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LESSON_FIELDS = Set.of("format", "id", "title", "summary", "minutes", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("title", "narration", "action", "expect", "question");
    private static final Set<String> ACTION_FIELDS = Set.of("type", "args", "expectFailure");

    private LessonReader() {
    }

    /**
     * Parses {@code json}; {@code source} names the file in error messages.
     *
     * @throws LessonFormatException naming the source and the first problem found
     */
    public static Lesson parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LessonFormatException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return lesson(root);
        } catch (LessonFormatException e) {
            throw new LessonFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static Lesson lesson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new LessonFormatException("a lesson must be a JSON object");
        }
        noUnknownFields(root, LESSON_FIELDS, "lesson");
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new LessonFormatException("format must be " + FORMAT);
        }
        String id = text(root, "id", "lesson");
        if (!id.matches("\\d\\d-[a-z0-9-]+")) {
            throw new LessonFormatException("id '" + id + "' must look like 01-some-name");
        }
        int minutes = 0;
        if (root.has("minutes")) {
            if (!root.get("minutes").isInt() || root.get("minutes").asInt() <= 0) {
                throw new LessonFormatException("minutes must be a positive integer");
            }
            minutes = root.get("minutes").asInt();
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray() || steps.size() < 3) {
            throw new LessonFormatException("steps must be an array of at least 3 steps");
        }
        List<LessonStep> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : steps) {
            i++;
            String where = "step " + i;
            if (!s.isObject()) {
                throw new LessonFormatException(where + " must be an object");
            }
            out.add(step(s, where));
        }
        return new Lesson(id, text(root, "title", "lesson"), text(root, "summary", "lesson"), minutes, out);
    }

    private static LessonStep step(JsonNode s, String where) {
        noUnknownFields(s, STEP_FIELDS, where);
        String title = text(s, "title", where);
        where = where + " (" + title + ")";
        String question = text(s, "question", where);
        if (!question.trim().endsWith("?")) {
            throw new LessonFormatException(where + ": question must end with '?'");
        }
        JsonNode expect = s.path("expect");
        if (!expect.isArray()) {
            throw new LessonFormatException(where + ": expect must be an array of observations");
        }
        List<String> observations = new ArrayList<>();
        for (JsonNode e : expect) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw new LessonFormatException(where + ": every expect entry must be a non-empty string");
            }
            observations.add(e.asText());
        }
        return new LessonStep(title, text(s, "narration", where), action(s.path("action"), where), observations,
                question);
    }

    private static LessonAction action(JsonNode a, String where) {
        if (!a.isObject()) {
            throw new LessonFormatException(where + ": action is missing (use {\"type\":\"note\"} for none)");
        }
        noUnknownFields(a, ACTION_FIELDS, where + " action");
        ActionType type;
        try {
            type = ActionType.fromLessonName(a.path("type").asText(""));
        } catch (LessonFormatException e) {
            throw new LessonFormatException(where + ": " + e.getMessage());
        }
        if (a.has("expectFailure") && !a.get("expectFailure").isBoolean()) {
            throw new LessonFormatException(where + ": expectFailure must be true or false");
        }
        JsonNode args = a.path("args");
        if (a.has("args") && !args.isObject()) {
            throw new LessonFormatException(where + ": args must be an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!type.accepts(e.getKey())) {
                throw new LessonFormatException(where + ": " + type.lessonName() + " has unknown argument '"
                        + e.getKey() + "'");
            }
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new LessonFormatException(where + ": " + type.lessonName() + " argument '" + e.getKey()
                        + "' must be a number or text");
            }
            values.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.asText());
        }
        for (String name : type.required()) {
            if (!values.containsKey(name)) {
                throw new LessonFormatException(where + ": " + type.lessonName() + " argument '" + name
                        + "' is missing");
            }
        }
        LessonAction action = new LessonAction(type, values, a.path("expectFailure").asBoolean(false));
        try {
            for (String ref : List.of("id", "node")) {
                action.nodeArg(ref);
            }
        } catch (LessonFormatException e) {
            throw new LessonFormatException(where + ": " + e.getMessage());
        }
        return action;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new LessonFormatException(where + ": " + field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static void noUnknownFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new LessonFormatException(where + ": unknown field '" + f + "'");
            }
        }
    }
}
