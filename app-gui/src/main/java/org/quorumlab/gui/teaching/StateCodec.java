package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.cluster.Role;

/**
 * A {@link TeachingState} as plain JSON-ready maps and back, exactly ({@code decode(encode(s))}
 * equals {@code s}). Lets a long recording drop its oldest events and start from the state they
 * had built ({@link SyntheticEvents#state}).
 */
final class StateCodec {

    private StateCodec() {
    }

    static Map<String, Object> encode(TeachingState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.time());
        m.put("leaderId", s.leaderId());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeState n : s.nodes().values()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("id", n.id());
            nm.put("role", n.role().name());
            nm.put("alive", n.alive());
            nm.put("epoch", n.epoch());
            nm.put("lastZxid", n.lastZxid());
            if (n.vote() != null) {
                nm.put("vote", Map.of("leaderId", n.vote().leaderId(), "zxid", n.vote().zxid(),
                        "electionEpoch", n.vote().electionEpoch(), "peerEpoch", n.vote().peerEpoch()));
            }
            Map<String, Object> log = new LinkedHashMap<>();
            n.log().forEach((z, st) -> log.put(Long.toString(z), st.name()));
            nm.put("log", log);
            nm.put("slowFactor", n.slowFactor());
            nm.put("paused", n.paused());
            nm.put("messageDelayMs", n.messageDelayMs());
            nm.put("cutTo", List.copyOf(n.cutTo()));
            nodes.add(nm);
        }
        m.put("nodes", nodes);
        List<Map<String, Object>> held = new ArrayList<>();
        for (HeldMessage h : s.held().values()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("from", h.from());
            hm.put("id", h.id());
            hm.put("to", h.to());
            hm.put("kind", h.kind());
            hm.put("zxid", h.zxid());
            hm.put("sentTs", h.sentTs());
            hm.put("deliverTs", h.deliverTs());
            held.add(hm);
        }
        m.put("held", held);
        return m;
    }

    static TeachingState decode(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return TeachingState.EMPTY;
        }
        TreeMap<Long, NodeState> nodes = new TreeMap<>();
        for (Map<?, ?> nm : maps(m.get("nodes"))) {
            Vote vote = nm.get("vote") instanceof Map<?, ?> v
                    ? new Vote(num(v.get("leaderId")), num(v.get("zxid")), num(v.get("electionEpoch")),
                            num(v.get("peerEpoch")))
                    : null;
            TreeMap<Long, EntryStatus> log = new TreeMap<>();
            if (nm.get("log") instanceof Map<?, ?> l) {
                l.forEach((z, st) -> log.put(Long.parseLong(z.toString()), EntryStatus.valueOf(st.toString())));
            }
            Set<Long> cut = new HashSet<>(ClusterEvent.ids(nm.get("cutTo")));
            NodeState n = new NodeState(num(nm.get("id")), Role.valueOf(String.valueOf(nm.get("role"))),
                    Boolean.TRUE.equals(nm.get("alive")), num(nm.get("epoch")), num(nm.get("lastZxid")), vote, log,
                    (int) num(nm.get("slowFactor")), Boolean.TRUE.equals(nm.get("paused")),
                    num(nm.get("messageDelayMs")), cut);
            nodes.put(n.id(), n);
        }
        TreeMap<MessageKey, HeldMessage> held = new TreeMap<>();
        for (Map<?, ?> hm : maps(m.get("held"))) {
            HeldMessage h = new HeldMessage(num(hm.get("from")), num(hm.get("id")), num(hm.get("to")),
                    String.valueOf(hm.get("kind")), num(hm.get("zxid")), num(hm.get("sentTs")), num(hm.get("deliverTs")));
            held.put(h.key(), h);
        }
        return new TeachingState(num(m.get("time")), nodes, held, num(m.get("leaderId")));
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof Collection<?> c) {
            c.stream().filter(Map.class::isInstance).forEach(o -> out.add((Map<?, ?>) o));
        }
        return out;
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
