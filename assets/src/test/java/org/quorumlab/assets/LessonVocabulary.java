package org.quorumlab.assets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fixed action vocabulary of lesson files (docs/lessons.md): for each action type, its
 * required and optional arguments and what each argument must look like.
 */
final class LessonVocabulary {

    /** What an argument value must be. */
    enum ArgType {
        NODE_COUNT, NODE_REF, GROUPS, ZK_PATH, TEXT, FACTOR, RECIPE, CLIENTS, POLICY, MILLIS;

        /** Null when {@code v} is acceptable, else why not. */
        String problem(JsonNode v) {
            return switch (this) {
                case NODE_COUNT -> v.isInt() && v.asInt() >= 1 && v.asInt() <= 9 ? null : "must be an integer 1..9";
                case NODE_REF -> isNodeRef(v) ? null : "must be a node id (positive integer) or one of " + NODE_SYMBOLS;
                case GROUPS -> v.isTextual() && GROUPS_PATTERN.matcher(v.asText()).matches() ? null
                        : "must look like \"1,2|3\" (ids, 'leader' or 'rest'; at least two groups)";
                case ZK_PATH -> v.isTextual() && AssetFiles.pathProblem(v.asText()) == null ? null
                        : "must be a valid znode path";
                case TEXT -> v.isTextual() ? null : "must be a string";
                case FACTOR -> v.isNumber() && v.asDouble() >= 1 && v.asDouble() <= 1000 ? null
                        : "must be a number 1..1000 (1 = real time)";
                case RECIPE -> v.isTextual() && RECIPES.contains(v.asText()) ? null : "must be one of " + RECIPES;
                case CLIENTS -> v.isInt() && v.asInt() >= 1 && v.asInt() <= 50 ? null : "must be an integer 1..50";
                case POLICY -> v.isTextual() && POLICY_PATTERN.matcher(v.asText()).matches() ? null
                        : "must be off, load:hi=..,lo=..[,...], failure[:...] or target:size=N[,...]";
                case MILLIS -> v.isInt() && v.asInt() > 0 ? null : "must be a positive integer";
            };
        }
    }

    /** Required and optional arguments of one action type. */
    record Spec(Map<String, ArgType> required, Map<String, ArgType> optional) {
        Set<String> all() {
            var names = new java.util.HashSet<>(required.keySet());
            names.addAll(optional.keySet());
            return names;
        }
    }

    static final Set<String> NODE_SYMBOLS = Set.of("leader", "lastStopped", "lastIsolated");
    static final Set<String> RECIPES = Set.of("lock", "leaderLatch", "queue", "config");
    static final Pattern GROUPS_PATTERN = Pattern.compile(
            "(\\d+|leader|rest)(,(\\d+|leader|rest))*(\\|(\\d+|leader|rest)(,(\\d+|leader|rest))*)+");
    static final Pattern POLICY_PATTERN = Pattern.compile(
            "off|load:.*hi=.*|failure(:[a-z]+=[^,]+(,[a-z]+=[^,]+)*)?|target:size=\\d+(,[a-z]+=[^,]+)*");

    private static final Map<String, ArgType> NONE = Map.of();
    private static final Map<String, ArgType> ID = Map.of("id", ArgType.NODE_REF);

    static final Map<String, Spec> ACTIONS = Map.ofEntries(
            Map.entry("startCluster", new Spec(Map.of("nodes", ArgType.NODE_COUNT), NONE)),
            Map.entry("waitForLeader", new Spec(NONE, Map.of("timeoutMs", ArgType.MILLIS))),
            Map.entry("killLeader", new Spec(NONE, NONE)),
            Map.entry("killNode", new Spec(ID, NONE)),
            Map.entry("stopNode", new Spec(ID, NONE)),
            Map.entry("startNode", new Spec(ID, NONE)),
            Map.entry("restartNode", new Spec(ID, NONE)),
            Map.entry("addNode", new Spec(NONE, NONE)),
            Map.entry("removeNode", new Spec(ID, NONE)),
            Map.entry("partition", new Spec(Map.of("groups", ArgType.GROUPS), NONE)),
            Map.entry("heal", new Spec(NONE, NONE)),
            Map.entry("write", new Spec(Map.of("path", ArgType.ZK_PATH, "data", ArgType.TEXT),
                    Map.of("node", ArgType.NODE_REF))),
            Map.entry("read", new Spec(Map.of("path", ArgType.ZK_PATH), Map.of("node", ArgType.NODE_REF))),
            Map.entry("slowMotion", new Spec(Map.of("factor", ArgType.FACTOR), NONE)),
            Map.entry("pause", new Spec(NONE, NONE)),
            Map.entry("resume", new Spec(NONE, NONE)),
            Map.entry("runRecipe", new Spec(Map.of("recipe", ArgType.RECIPE, "clients", ArgType.CLIENTS), NONE)),
            Map.entry("autoscale", new Spec(Map.of("policy", ArgType.POLICY), NONE)),
            Map.entry("note", new Spec(NONE, NONE)));

    private LessonVocabulary() {
    }

    static boolean isNodeRef(JsonNode v) {
        return (v.isInt() && v.asInt() >= 1) || (v.isTextual() && NODE_SYMBOLS.contains(v.asText()));
    }
}
