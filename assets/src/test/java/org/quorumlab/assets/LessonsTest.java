package org.quorumlab.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lesson file follows the schema of docs/lessons.md: required fields, known action types
 * with their required arguments, and a sequence of actions that makes sense on the cluster it
 * builds (nodes exist before they are stopped, started, removed or partitioned).
 */
class LessonsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LESSON_FIELDS = Set.of("format", "id", "title", "summary", "minutes", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("title", "narration", "action", "expect", "question");
    private static final Set<String> ACTION_FIELDS = Set.of("type", "args", "expectFailure");
    /** Actions that need a running cluster (everything except these may come before startCluster). */
    private static final Set<String> NO_CLUSTER_NEEDED = Set.of("note", "slowMotion", "pause", "resume");

    static Stream<Path> lessons() {
        return AssetFiles.under("lessons", ".json").stream();
    }

    @Test
    void theSixWorkshopLessonsExist() {
        List<String> ids = lessons().map(p -> p.getFileName().toString()).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(6);
        for (String prefix : List.of("01-", "02-", "03-", "04-", "05-", "06-")) {
            assertThat(ids).as("lesson %s*", prefix).anyMatch(id -> id.startsWith(prefix));
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void followsTheSchema(Path file) throws IOException {
        List<String> problems = validate(file.getFileName().toString(), JSON.readTree(file.toFile()));
        assertThat(problems).as(file.toString()).isEmpty();
    }

    @Test
    void theValidatorRejectsBrokenLessons() throws IOException {
        String broken = """
                {"format":"quorumlab-lesson/1","id":"99-broken","title":"t","summary":"s","steps":[
                 {"title":"a","narration":"n","action":{"type":"killNode","args":{"id":1}},"expect":[],"question":"q?"},
                 {"title":"b","narration":"n","action":{"type":"startCluster","args":{}},"expect":[],"question":"q"},
                 {"title":"c","narration":"n","action":{"type":"fly","args":{}},"expect":[],"question":"q?"},
                 {"title":"d","narration":"n","action":{"type":"partition","args":{"groups":"1,2"}},"question":"q?"}
                ]}""";
        List<String> problems = validate("99-broken.json", JSON.readTree(broken));
        assertThat(problems).anyMatch(p -> p.contains("killNode") && p.contains("before startCluster"))
                .anyMatch(p -> p.contains("nodes") && p.contains("missing"))
                .anyMatch(p -> p.contains("question must end with"))
                .anyMatch(p -> p.contains("unknown action type 'fly'"))
                .anyMatch(p -> p.contains("groups"))
                .anyMatch(p -> p.contains("expect"));
    }

    /** All problems of one lesson document; empty when it is valid. */
    static List<String> validate(String fileName, JsonNode lesson) {
        List<String> out = new ArrayList<>();
        unknownFields(lesson, LESSON_FIELDS, "lesson", out);
        if (!"quorumlab-lesson/1".equals(lesson.path("format").asText())) {
            out.add("format must be quorumlab-lesson/1");
        }
        String id = lesson.path("id").asText("");
        if (!id.matches("\\d\\d-[a-z0-9-]+") || !fileName.equals(id + ".json")) {
            out.add("id '" + id + "' must look like 01-some-name and match the file name " + fileName);
        }
        text(lesson, "title", "lesson", out);
        text(lesson, "summary", "lesson", out);
        if (lesson.has("minutes") && !(lesson.get("minutes").isInt() && lesson.get("minutes").asInt() > 0)) {
            out.add("minutes must be a positive integer");
        }
        JsonNode steps = lesson.path("steps");
        if (!steps.isArray() || steps.size() < 3) {
            out.add("steps must be an array of at least 3 steps");
            return out;
        }
        ClusterModel cluster = new ClusterModel();
        int i = 0;
        for (JsonNode step : steps) {
            i++;
            String where = "step " + i + " (" + step.path("title").asText("?") + ")";
            unknownFields(step, STEP_FIELDS, where, out);
            text(step, "title", where, out);
            text(step, "narration", where, out);
            text(step, "question", where, out);
            if (!step.path("question").asText("").trim().endsWith("?")) {
                out.add(where + ": question must end with '?'");
            }
            JsonNode expect = step.path("expect");
            if (!expect.isArray()) {
                out.add(where + ": expect must be an array of observations");
            } else {
                expect.forEach(e -> {
                    if (!e.isTextual() || e.asText().isBlank()) {
                        out.add(where + ": every expect entry must be a non-empty string");
                    }
                });
            }
            JsonNode action = step.path("action");
            if (!action.isObject()) {
                out.add(where + ": action is missing (use {\"type\":\"note\"} for none)");
                continue;
            }
            checkAction(action, where, cluster, out);
        }
        if (cluster.paused) {
            out.add("lesson ends paused (add a resume step)");
        }
        if (!cluster.started) {
            out.add("lesson never starts a cluster");
        }
        return out;
    }

    private static void checkAction(JsonNode action, String where, ClusterModel cluster, List<String> out) {
        unknownFields(action, ACTION_FIELDS, where + " action", out);
        String type = action.path("type").asText("");
        LessonVocabulary.Spec spec = LessonVocabulary.ACTIONS.get(type);
        if (spec == null) {
            out.add(where + ": unknown action type '" + type + "', expected one of "
                    + new TreeSet<>(LessonVocabulary.ACTIONS.keySet()));
            return;
        }
        if (action.has("expectFailure") && !action.get("expectFailure").isBoolean()) {
            out.add(where + ": expectFailure must be true or false");
        }
        JsonNode args = action.path("args");
        if (action.has("args") && !args.isObject()) {
            out.add(where + ": args must be an object");
            return;
        }
        for (String name : spec.required().keySet()) {
            if (!args.has(name)) {
                out.add(where + ": " + type + " argument '" + name + "' is missing");
            }
        }
        for (Iterator<String> names = args.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!spec.all().contains(name)) {
                out.add(where + ": " + type + " has unknown argument '" + name + "'");
                continue;
            }
            LessonVocabulary.ArgType argType = spec.required().getOrDefault(name, spec.optional().get(name));
            String problem = argType.problem(args.get(name));
            if (problem != null) {
                out.add(where + ": " + type + " argument '" + name + "' " + problem);
            }
        }
        if (!cluster.started && !NO_CLUSTER_NEEDED.contains(type) && !type.equals("startCluster")) {
            out.add(where + ": " + type + " before startCluster");
            return;
        }
        cluster.apply(type, args, where, out);
    }

    private static void text(JsonNode node, String field, String where, List<String> out) {
        if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
            out.add(where + ": " + field + " must be a non-empty string");
        }
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String where, List<String> out) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                out.add(where + ": unknown field '" + f + "'");
            }
        });
    }

    /** What the lesson has done to its cluster so far, to check that node references make sense. */
    private static final class ClusterModel {
        boolean started;
        boolean paused;
        boolean partitioned;
        boolean lastStoppedKnown;
        boolean lastIsolatedKnown;
        int nextId = 1;
        final Set<Integer> members = new HashSet<>();
        final Set<Integer> down = new HashSet<>();

        void apply(String type, JsonNode args, String where, List<String> out) {
            switch (type) {
                case "startCluster" -> {
                    if (started) {
                        out.add(where + ": startCluster twice");
                    }
                    started = true;
                    for (int n = 0; n < args.path("nodes").asInt(); n++) {
                        members.add(nextId++);
                    }
                }
                case "killLeader" -> lastStoppedKnown = true;
                case "killNode", "stopNode" -> {
                    Integer id = member(args.path("id"), where, out);
                    if (id != null && !down.add(id)) {
                        out.add(where + ": node " + id + " is already down");
                    }
                    lastStoppedKnown = true;
                }
                case "startNode" -> {
                    Integer id = member(args.path("id"), where, out);
                    if (id != null && !down.remove(id)) {
                        out.add(where + ": node " + id + " is not down");
                    }
                }
                case "restartNode" -> member(args.path("id"), where, out);
                case "addNode" -> members.add(nextId++);
                case "removeNode" -> {
                    Integer id = member(args.path("id"), where, out);
                    if (id != null) {
                        members.remove(id);
                        down.remove(id);
                    }
                }
                case "partition" -> {
                    String groups = args.path("groups").asText("");
                    String first = groups.split("\\|")[0];
                    lastIsolatedKnown = !first.contains(",") && !first.equals("rest");
                    partitioned = true;
                    for (String token : groups.split("[|,]")) {
                        if (token.matches("\\d+") && !members.contains(Integer.parseInt(token))) {
                            out.add(where + ": partition names node " + token + ", not a member");
                        }
                    }
                }
                case "heal" -> {
                    if (!partitioned) {
                        out.add(where + ": heal without a partition");
                    }
                    partitioned = false;
                }
                case "write", "read" -> {
                    if (args.has("node")) {
                        member(args.get("node"), where, out);
                    }
                }
                case "pause" -> {
                    if (paused) {
                        out.add(where + ": pause while paused");
                    }
                    paused = true;
                }
                case "resume" -> {
                    if (!paused) {
                        out.add(where + ": resume while not paused");
                    }
                    paused = false;
                }
                default -> { }
            }
        }

        /** The numeric id of a reference to a current member, null for symbolic references. */
        private Integer member(JsonNode ref, String where, List<String> out) {
            if (ref.isTextual()) {
                if (ref.asText().equals("lastStopped") && !lastStoppedKnown) {
                    out.add(where + ": lastStopped before any node was killed or stopped");
                }
                if (ref.asText().equals("lastIsolated") && !lastIsolatedKnown) {
                    out.add(where + ": lastIsolated needs an earlier partition whose first group is one node");
                }
                return null;
            }
            int id = ref.asInt();
            if (!members.contains(id)) {
                out.add(where + ": node " + id + " is not a member (members " + new TreeSet<>(members) + ")");
                return null;
            }
            return id;
        }
    }
}
