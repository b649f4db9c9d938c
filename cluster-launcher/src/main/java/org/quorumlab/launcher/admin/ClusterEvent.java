package org.quorumlab.launcher.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.admin.EventJson;

/**
 * One event from a node's {@code /events} stream (docs/events.md), as the console, {@code quorumlab
 * events} and the policies read it. The envelope's field names are the engine's writer's
 * ({@link EventJson}), so they are spelled once.
 *
 * @param ts     wall-clock ms the node observed it
 * @param server id of the node that emitted it
 * @param type   event type ({@code StateChanged}, {@code LoadSample}, ...)
 * @param fields every other field, as plain maps/lists/numbers/strings
 * @param json   the original JSON line (for export)
 */
public record ClusterEvent(long ts, long server, String type, Map<String, Object> fields, String json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** Keeps the fields in the order the node wrote them, without nulls. */
    public ClusterEvent {
        LinkedHashMap<String, Object> kept = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        fields = Collections.unmodifiableMap(kept);
    }

    /** Parses one JSON line. */
    public static ClusterEvent parse(String line) throws IOException {
        LinkedHashMap<String, Object> m = JSON.readValue(line, MAP);
        Object ts = m.remove(EventJson.TS);
        Object server = m.remove(EventJson.SERVER);
        Object type = m.remove(EventJson.TYPE);
        if (type == null) {
            throw new IOException("event without a type: " + line);
        }
        return new ClusterEvent(ts instanceof Number n ? n.longValue() : 0L,
                server instanceof Number n ? n.longValue() : -1L, type.toString(), m, line.trim());
    }

    /** A field as text ("" if absent). */
    public String text(String field) {
        Object v = fields.get(field);
        return v == null ? "" : v.toString();
    }

    /** A numeric field, or {@code fallback} when absent or not a number. */
    public long number(String field, long fallback) {
        return fields.get(field) instanceof Number n ? n.longValue() : fallback;
    }

    /** A decimal field, or {@code fallback}. */
    public double decimal(String field, double fallback) {
        return fields.get(field) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A zxid field ({@code "0x..."} or a number), or -1. */
    public long zxid(String field) {
        return parseZxid(fields.get(field));
    }

    /** A list of ids (e.g. {@code blocked}, {@code members}); empty when absent. */
    public List<Long> ids(String field) {
        return ids(fields.get(field));
    }

    /** Ids from a JSON array value. */
    public static List<Long> ids(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().filter(Number.class::isInstance).map(o -> ((Number) o).longValue()).toList();
        }
        return List.of();
    }

    /** {@code "0x1f"} or a number to a long; -1 when unparseable. */
    public static long parseZxid(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** A one-line human summary of the fields (for the event log). */
    public String summary() {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(fields).forEach((k, v) -> b.append(b.length() == 0 ? "" : "  ").append(k).append('=')
                .append(v));
        return b.toString();
    }
}
