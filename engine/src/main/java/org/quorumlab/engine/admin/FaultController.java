package org.quorumlab.engine.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.quorumlab.engine.replication.LinkFaults;
import org.quorumlab.engine.replication.ZabHost;

/**
 * The {@code /faults} API of one server: it only ever changes this server's outgoing links
 * ({@link LinkFaults}), so a full partition is applied by sending the same request to every
 * member. Each change is published as a {@code FaultsChanged} event.
 */
final class FaultController {

    private final NodeView view;
    private final EventHub hub;

    FaultController(NodeView view, EventHub hub) {
        this.view = view;
        this.hub = hub;
    }

    /**
     * Runs one fault action.
     *
     * @param action partition, drop, delay, heal, or "" for the current state
     * @throws IllegalArgumentException for a bad parameter (HTTP 400)
     * @throws IllegalStateException on a standalone server (HTTP 409)
     */
    Map<String, Object> apply(String action, Map<String, String> params) {
        ZabHost zab = view.zab();
        if (zab == null) {
            throw new IllegalStateException("fault injection needs a replicated server; this one is standalone");
        }
        LinkFaults faults = zab.transport().faults();
        long self = view.config().serverId();
        switch (action) {
            case "" -> {
                return state(faults);
            }
            case "partition" -> {
                Set<Long> blocked = blockedFor(self, require(params, "groups"), zab.membership().servers().keySet());
                faults.block(blocked);
            }
            case "drop" -> {
                long to = parseId(require(params, "to"));
                double percent = parseNumber(require(params, "percent").replace("%", ""), "percent");
                if (percent < 0 || percent > 100) {
                    throw new IllegalArgumentException("percent must be within 0..100, got " + percent);
                }
                faults.drop(to, percent / 100.0);
            }
            case "delay" -> {
                long to = parseId(require(params, "to"));
                long ms = (long) parseNumber(require(params, "ms").replace("ms", ""), "ms");
                faults.delay(to, ms);
            }
            case "heal" -> faults.heal();
            default -> throw new IllegalArgumentException("unknown fault '" + action
                    + "'; use partition, drop, delay or heal");
        }
        Map<String, Object> state = state(faults);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "FaultsChanged");
        event.put("action", action);
        event.put("params", params);
        event.putAll(state);
        hub.publish(event);
        return state;
    }

    /**
     * Peers this server must cut for {@code groups} ({@code "1,2|3"}): every member not in its
     * own group. A server listed in no group is isolated from everyone.
     */
    static Set<Long> blockedFor(long self, String groups, Set<Long> members) {
        Set<Long> mine = new HashSet<>();
        boolean any = false;
        for (String group : groups.split("\\|")) {
            Set<Long> ids = new HashSet<>();
            for (String id : group.split(",")) {
                if (!id.isBlank()) {
                    ids.add(parseId(id));
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("empty group in '" + groups + "'");
            }
            any = true;
            if (ids.contains(self)) {
                mine = ids;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("groups must look like 1,2|3");
        }
        Set<Long> blocked = new HashSet<>(members);
        blocked.removeAll(mine);
        blocked.remove(self);
        return blocked;
    }

    private static Map<String, Object> state(LinkFaults faults) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blocked", new java.util.TreeSet<>(faults.blockedPeers()));
        Map<String, Object> drops = new java.util.TreeMap<>();
        faults.dropRates().forEach((peer, p) -> drops.put(Long.toString(peer), Math.round(p * 1000) / 10.0));
        m.put("dropPercent", drops);
        Map<String, Object> delays = new java.util.TreeMap<>();
        faults.delays().forEach((peer, ms) -> delays.put(Long.toString(peer), ms));
        m.put("delayMs", delays);
        return m;
    }

    private static String require(Map<String, String> params, String key) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing parameter '" + key + "'");
        }
        return v.trim();
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad server id '" + s + "'");
        }
    }

    private static double parseNumber(String s, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + s + "'");
        }
    }
}
