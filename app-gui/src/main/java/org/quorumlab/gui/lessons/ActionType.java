package org.quorumlab.gui.lessons;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The action vocabulary of docs/lessons.md, with each action's argument names. */
public enum ActionType {
    START_CLUSTER("startCluster", Set.of("nodes"), Set.of()),
    WAIT_FOR_LEADER("waitForLeader", Set.of(), Set.of("timeoutMs")),
    KILL_LEADER("killLeader", Set.of(), Set.of()),
    KILL_NODE("killNode", Set.of("id"), Set.of()),
    STOP_NODE("stopNode", Set.of("id"), Set.of()),
    START_NODE("startNode", Set.of("id"), Set.of()),
    RESTART_NODE("restartNode", Set.of("id"), Set.of()),
    ADD_NODE("addNode", Set.of(), Set.of()),
    REMOVE_NODE("removeNode", Set.of("id"), Set.of()),
    PARTITION("partition", Set.of("groups"), Set.of()),
    HEAL("heal", Set.of(), Set.of()),
    WRITE("write", Set.of("path", "data"), Set.of("node")),
    READ("read", Set.of("path"), Set.of("node")),
    SLOW_MOTION("slowMotion", Set.of("factor"), Set.of()),
    PAUSE("pause", Set.of(), Set.of()),
    RESUME("resume", Set.of(), Set.of()),
    RUN_RECIPE("runRecipe", Set.of("recipe", "clients"), Set.of()),
    AUTOSCALE("autoscale", Set.of("policy"), Set.of()),
    NOTE("note", Set.of(), Set.of());

    private static final Set<ActionType> NO_CLUSTER_NEEDED = Set.of(NOTE, SLOW_MOTION, PAUSE, RESUME, START_CLUSTER);

    private final String lessonName;
    private final Set<String> required;
    private final Set<String> optional;

    ActionType(String lessonName, Set<String> required, Set<String> optional) {
        this.lessonName = lessonName;
        this.required = required;
        this.optional = optional;
    }

    /** The name used in lesson files ({@code killLeader}). */
    public String lessonName() {
        return lessonName;
    }

    public Set<String> required() {
        return required;
    }

    /** Whether {@code name} is a required or optional argument. */
    public boolean accepts(String name) {
        return required.contains(name) || optional.contains(name);
    }

    /** False for the actions a lesson may run before {@code startCluster}. */
    public boolean needsCluster() {
        return !NO_CLUSTER_NEEDED.contains(this);
    }

    /** The type named {@code name} in a lesson file. */
    public static ActionType fromLessonName(String name) {
        for (ActionType t : values()) {
            if (t.lessonName.equals(name)) {
                return t;
            }
        }
        throw new LessonFormatException("unknown action type '" + name + "', expected one of "
                + Arrays.stream(values()).map(ActionType::lessonName).sorted().collect(Collectors.joining(", ")));
    }
}
