package org.quorumlab.gui.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.admin.MemberBroadcast;

/**
 * The lesson cluster's teaching mode (docs: the teaching admin API): the speed and pause state a
 * lesson asked for, applied to every node through {@code /teaching/*}, re-applied to nodes that
 * (re)start, and single-stepping of held messages. Nodes that do not answer (down) are skipped.
 */
final class LessonTeaching {

    private final AdminClient admin;
    private volatile int factor = 1;
    private volatile boolean paused;

    LessonTeaching(AdminClient admin) {
        this.admin = admin;
    }

    int factor() {
        return factor;
    }

    boolean paused() {
        return paused;
    }

    /** True when this lesson asked for anything but real time. */
    boolean active() {
        return factor > 1 || paused;
    }

    /** Remembers the factor and applies it to {@code endpoints}; how many nodes applied it. */
    int speed(int newFactor, List<String> endpoints) throws IOException {
        factor = newFactor;
        return applyAll(endpoints, "speed", Map.of("factor", Integer.toString(newFactor)));
    }

    /** Remembers the pause state and applies it; how many nodes applied it. */
    int pause(boolean pause, List<String> endpoints) throws IOException {
        paused = pause;
        return applyAll(endpoints, pause ? "pause" : "resume", Map.of());
    }

    /** Puts one freshly started node into the lesson's speed and pause state. */
    void applyTo(String endpoint) throws IOException {
        if (factor > 1) {
            admin.teachingAction(endpoint, "speed", Map.of("factor", Integer.toString(factor)));
        }
        if (paused) {
            admin.teachingAction(endpoint, "pause", Map.of());
        }
    }

    /**
     * Whether any node is paused, whoever paused it (the lesson or the Teaching tab). Nodes without
     * the teaching API count as not paused.
     */
    boolean anyPaused(List<String> endpoints) {
        if (paused) {
            return true;
        }
        for (String ep : endpoints) {
            try {
                JsonNode state = admin.teaching(ep);
                if (state.path("paused").asBoolean(false)) {
                    return true;
                }
            } catch (IOException e) {
                // down or no teaching API: not holding anything
            }
        }
        return false;
    }

    /** Delivers the oldest held message of every node, as pressing Step on each would; how many were released. */
    int stepAll(List<String> endpoints) {
        int released = 0;
        for (String ep : endpoints) {
            try {
                admin.teachingAction(ep, "step", Map.of());
                released++;
            } catch (IOException e) {
                // nothing held there, or the node is down
            }
        }
        return released;
    }

    private int applyAll(List<String> endpoints, String action, Map<String, String> params) throws IOException {
        // a node that is down gets the state when it starts again
        MemberBroadcast sent = MemberBroadcast.toAll(endpoints, ep -> admin.teachingAction(ep, action, params));
        if (sent.refused() != null) {
            throw new IOException("teaching " + action + " refused: " + sent.refused().getMessage(), sent.refused());
        }
        return sent.answered();
    }
}
