package org.quorumlab.engine.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.replication.TeachingEvent;
import org.quorumlab.engine.server.SessionEvent;

/**
 * Encodes one event as a JSON line: {@code ts}, {@code server}, {@code type}, then the record's
 * fields. Consensus records keep their Java names ({@code StateChanged}, {@code LeaderEstablished},
 * ...); zxids are rendered as {@code "0x..."} strings, session ids too. Schema: docs/events.md.
 */
public final class EventJson {

    /** Envelope field: when the node observed the event (epoch ms). */
    public static final String TS = "ts";
    /** Envelope field: the id of the node that emitted it. */
    public static final String SERVER = "server";
    /** Envelope field: the event's type ({@code StateChanged}, {@code LoadSample}, ...). */
    public static final String TYPE = "type";

    private final ObjectMapper mapper = new ObjectMapper();
    private final long serverId;

    EventJson(long serverId) {
        this.serverId = serverId;
    }

    String encode(long ts, Object event) {
        ObjectNode out = mapper.createObjectNode();
        out.put(TS, ts);
        out.put(SERVER, serverId);
        if (event instanceof Map<?, ?> custom) {
            out.setAll((ObjectNode) mapper.valueToTree(custom));
        } else if (event instanceof SessionEvent s) {
            out.put(TYPE, "Session" + event.getClass().getSimpleName());
            out.put("session", "0x" + Long.toHexString(s.sessionId()));
            if (s instanceof SessionEvent.Created c) {
                out.put("timeoutMs", c.timeoutMs());
            }
        } else if (event instanceof Action.RoleChanged r) {
            out.put(TYPE, "RoleChanged");
            out.put("role", r.role().name());
            out.put("epoch", r.epoch());
            out.put("leaderId", r.leaderId());
        } else if (event instanceof TeachingEvent t) {
            out.put(TYPE, event.getClass().getSimpleName());
            ObjectNode fields = mapper.valueToTree(t);
            if (fields.path("zxid").isNull()) {
                fields.remove("zxid");
            }
            hexZxids(fields);
            out.setAll(fields);
        } else {
            out.put(TYPE, event.getClass().getSimpleName());
            ObjectNode fields = mapper.valueToTree(event);
            hexZxids(fields);
            out.setAll(fields);
        }
        return out.toString();
    }

    private static void hexZxids(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                hexZxids((ObjectNode) v);
            } else if (v.isIntegralNumber() && e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("zxid")) {
                e.setValue(node.textNode("0x" + Long.toHexString(v.asLong())));
            }
        }
    }
}
