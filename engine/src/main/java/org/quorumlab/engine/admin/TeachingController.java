package org.quorumlab.engine.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quorumlab.engine.replication.TeachingGate;
import org.quorumlab.engine.replication.ZabHost;

/**
 * The {@code /teaching} API of one server (slow motion, pause, stepping through its outgoing
 * quorum messages): request parameters in, JSON-ready maps out. The {@link TeachingGate} itself
 * publishes the {@code Message*} and {@code TeachingChanged} events.
 */
final class TeachingController {

    /** An error with the HTTP status it maps to (400, 404 or 409). */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final NodeView view;

    TeachingController(NodeView view) {
        this.view = view;
    }

    /**
     * Runs one teaching action.
     *
     * @param action "" (state), speed, pause, resume (these four answer the state), step, release or drop
     * @throws Refused for a bad parameter (400), an unknown message (404), nothing held or a
     *                 standalone server (409)
     */
    Map<String, Object> apply(String action, Map<String, String> params) {
        ZabHost zab = view.zab();
        if (zab == null) {
            throw new Refused(409, "teaching mode needs a replicated server; this one is standalone");
        }
        TeachingGate gate = zab.teaching();
        switch (action) {
            case "" -> {
                return state(gate.state());
            }
            case "speed" -> {
                gate.setSpeed(parseFactor(params.get("factor")));
                return state(gate.state());
            }
            case "pause" -> {
                gate.pause();
                return state(gate.state());
            }
            case "resume" -> {
                gate.resume();
                return state(gate.state());
            }
            case "step" -> {
                TeachingGate.Held h = gate.step().orElseThrow(() -> new Refused(409, "nothing held"));
                return Map.of("released", held(h));
            }
            case "release" -> {
                long id = parseId(params.get("id"));
                return Map.of("released", held(found(gate.release(id), id)));
            }
            case "drop" -> {
                long id = parseId(params.get("id"));
                return Map.of("dropped", held(found(gate.drop(id), id)));
            }
            default -> throw new Refused(404, "unknown teaching action '" + action
                    + "'; use speed, pause, resume, step, release or drop");
        }
    }

    static int parseFactor(String value) {
        if (value == null || value.isBlank()) {
            throw new Refused(400, "missing parameter 'factor' (an integer 1.." + TeachingGate.MAX_FACTOR + ")");
        }
        int factor;
        try {
            factor = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new Refused(400, "factor must be an integer 1.." + TeachingGate.MAX_FACTOR + ", got '" + value + "'");
        }
        if (factor < 1 || factor > TeachingGate.MAX_FACTOR) {
            throw new Refused(400, "factor must be within 1.." + TeachingGate.MAX_FACTOR + ", got " + factor);
        }
        return factor;
    }

    private static long parseId(String value) {
        if (value == null || value.isBlank()) {
            throw new Refused(400, "missing parameter 'id' (a held message id)");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new Refused(400, "id must be a message id (an integer), got '" + value + "'");
        }
    }

    private static TeachingGate.Held found(Optional<TeachingGate.Held> h, long id) {
        return h.orElseThrow(() -> new Refused(404, "no held message with id " + id));
    }

    private static Map<String, Object> settings(TeachingGate.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slowFactor", s.slowFactor());
        m.put("paused", s.paused());
        m.put("messageDelayMs", s.messageDelayMs());
        return m;
    }

    private static Map<String, Object> state(TeachingGate.State state) {
        Map<String, Object> m = settings(state.settings());
        List<Map<String, Object>> held = state.held().stream().map(TeachingController::held).toList();
        m.put("held", held);
        return m;
    }

    static Map<String, Object> held(TeachingGate.Held h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("to", h.to());
        m.put("kind", h.kind());
        if (h.zxid() != null) {
            m.put("zxid", "0x" + Long.toHexString(h.zxid()));
        }
        m.put("sentTs", h.sentTs());
        m.put("deliverTs", h.deliverTs());
        return m;
    }
}
