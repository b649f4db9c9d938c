package org.quorumlab.gui.teaching;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.NodeSnapshot;

/**
 * Events the console writes into a recording for what it learned by asking rather than by
 * listening (the held messages when the tab opened, a node that stopped answering, a poll that
 * disagrees with the stream), so that a replay rebuilds the same picture from events alone.
 */
public final class SyntheticEvents {

    /** {@code GET /teaching} of one node: {@code slowFactor}, {@code paused}, {@code messageDelayMs}, {@code held}. */
    public static final String TEACHING_SNAPSHOT = "TeachingSnapshot";
    /** The node stopped answering its admin API. */
    public static final String NODE_DOWN = "NodeDown";
    /** A poll of the node's admin commands: {@code mode}, {@code epoch}, {@code lastZxid}. */
    public static final String POLLED = "Polled";
    /** The whole state, replacing everything before it (the start of a trimmed recording); server 0. */
    public static final String STATE = "StateSnapshot";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticEvents() {
    }

    /** The teaching state of one member as read from its admin API. */
    public static ClusterEvent teachingSnapshot(MemberTeaching m, long ts) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("slowFactor", m.slowFactor());
        f.put("paused", m.paused());
        f.put("messageDelayMs", m.messageDelayMs());
        List<Map<String, Object>> held = new ArrayList<>();
        for (HeldMessage h : m.held()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("id", h.id());
            hm.put("to", h.to());
            hm.put("kind", h.kind());
            if (h.zxid() >= 0) {
                hm.put("zxid", "0x" + Long.toHexString(h.zxid()));
            }
            hm.put("sentTs", h.sentTs());
            hm.put("deliverTs", h.parked() ? null : h.deliverTs());
            held.add(hm);
        }
        f.put("held", held);
        return event(ts, m.server(), TEACHING_SNAPSHOT, f);
    }

    /** The faults of one member as read from {@code GET /faults}. */
    public static ClusterEvent faults(long server, Set<Long> blocked, Map<Long, Double> dropPercent, long ts) {
        Map<String, Object> drops = new TreeMap<>();
        dropPercent.forEach((peer, pct) -> drops.put(Long.toString(peer), pct));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", "read");
        f.put("blocked", List.copyOf(blocked));
        f.put("dropPercent", drops);
        return event(ts, server, "FaultsChanged", f);
    }

    /** Node {@code server} stopped answering. */
    public static ClusterEvent nodeDown(long server, long ts) {
        return event(ts, server, NODE_DOWN, Map.of());
    }

    /** What a poll of the node said. */
    public static ClusterEvent polled(NodeSnapshot s, long ts) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("mode", s.mode());
        f.put("epoch", s.epoch());
        f.put("lastZxid", "0x" + Long.toHexString(Math.max(0, s.lastZxid())));
        return event(ts, s.id(), POLLED, f);
    }

    /** The whole {@code state} at {@code ts}: a trimmed recording starts from it. */
    public static ClusterEvent state(TeachingState state, long ts) {
        return event(ts, 0, STATE, Map.of("state", StateCodec.encode(state)));
    }

    private static ClusterEvent event(long ts, long server, String type, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ts", ts);
        all.put("server", server);
        all.put("type", type);
        all.putAll(fields);
        try {
            return ClusterEvent.parse(JSON.writeValueAsString(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
