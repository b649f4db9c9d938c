package org.quorumlab.gui.teaching;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.MemberBroadcast;

/** {@link TeachingControl} through every member's admin API ({@code /teaching}, {@code /faults}). */
public final class AdminTeaching implements TeachingControl {

    /** Highest speed factor the engine accepts. */
    public static final int MAX_FACTOR = 1000;

    private final AdminClient client;
    private final Supplier<List<String>> endpoints;
    private final Map<String, Long> idByEndpoint = new ConcurrentHashMap<>();

    public AdminTeaching(AdminClient client, Supplier<List<String>> endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public List<MemberTeaching> read() throws IOException {
        List<MemberTeaching> out = new ArrayList<>();
        IOException refused = null;
        for (String ep : endpoints.get()) {
            try {
                long id = serverId(ep);
                JsonNode t = client.teaching(ep);
                JsonNode f = client.faults(ep);
                Set<Long> blocked = new TreeSet<>();
                f.path("blocked").forEach(b -> blocked.add(b.asLong()));
                Map<Long, Double> drops = new HashMap<>();
                f.path("dropPercent").fields().forEachRemaining(d -> drops.put(Long.parseLong(d.getKey()),
                        d.getValue().asDouble()));
                out.add(new MemberTeaching(id, ep, t.path("slowFactor").asInt(1), t.path("paused").asBoolean(),
                        t.path("messageDelayMs").asLong(), held(id, t.path("held")), blocked, drops));
            } catch (IOException e) {
                if (!MemberBroadcast.unreachable(e)) {
                    refused = e;
                }
                idByEndpoint.remove(ep);
            }
        }
        if (out.isEmpty() && refused != null) {
            throw refused;
        }
        return out;
    }

    @Override
    public int setSpeed(int factor) throws IOException {
        if (factor < 1 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("speed factor must be within 1.." + MAX_FACTOR + ", got " + factor);
        }
        return onAll("speed", Map.of("factor", Integer.toString(factor)));
    }

    @Override
    public int pause() throws IOException {
        return onAll("pause", Map.of());
    }

    @Override
    public int resume() throws IOException {
        return onAll("resume", Map.of());
    }

    @Override
    public Optional<HeldMessage> step() throws IOException {
        Map<Long, String> endpointOf = new HashMap<>();
        List<HeldMessage> all = new ArrayList<>();
        for (MemberTeaching m : read()) {
            endpointOf.put(m.server(), m.endpoint());
            all.addAll(m.held());
        }
        Optional<HeldMessage> oldest = all.stream().min(Comparator.comparingLong(HeldMessage::sentTs)
                .thenComparingLong(HeldMessage::from).thenComparingLong(HeldMessage::id));
        if (oldest.isPresent()) {
            HeldMessage m = oldest.get();
            client.teachingAction(endpointOf.get(m.from()), "release", Map.of("id", Long.toString(m.id())));
        }
        return oldest;
    }

    @Override
    public void drop(MessageKey key) throws IOException {
        client.teachingAction(endpointOf(key.from()), "drop", Map.of("id", Long.toString(key.id())));
    }

    @Override
    public void cutLink(long a, long b, boolean cut) throws IOException {
        String percent = cut ? "100" : "0";
        client.fault(endpointOf(a), "drop", Map.of("to", Long.toString(b), "percent", percent));
        client.fault(endpointOf(b), "drop", Map.of("to", Long.toString(a), "percent", percent));
    }

    @Override
    public int heal() throws IOException {
        return MemberBroadcast.toAll(endpoints.get(), ep -> client.fault(ep, "heal", Map.of())).answeredUnlessAllRefused();
    }

    private int onAll(String action, Map<String, String> params) throws IOException {
        int ok = MemberBroadcast.toAll(endpoints.get(), ep -> client.teachingAction(ep, action, params))
                .answeredUnlessAllRefused();
        if (ok == 0) {
            throw new IOException("no cluster member answered");
        }
        return ok;
    }

    private String endpointOf(long server) throws IOException {
        for (String ep : endpoints.get()) {
            try {
                if (serverId(ep) == server) {
                    return ep;
                }
            } catch (IOException e) {
                // down: cannot be the one we need to talk to
            }
        }
        throw new IOException("server " + server + " is not reachable");
    }

    private long serverId(String endpoint) throws IOException {
        Long id = idByEndpoint.get(endpoint);
        if (id == null) {
            id = client.command(endpoint, "configuration").path("server_id").asLong(-1);
            if (id < 0) {
                throw new IOException(endpoint + ": no server id in its configuration");
            }
            idByEndpoint.put(endpoint, id);
        }
        return id;
    }

    private static List<HeldMessage> held(long from, JsonNode list) {
        List<HeldMessage> out = new ArrayList<>();
        for (JsonNode h : list) {
            JsonNode deliver = h.get("deliverTs");
            out.add(new HeldMessage(from, h.path("id").asLong(), h.path("to").asLong(), h.path("kind").asText("?"),
                    h.hasNonNull("zxid") ? ClusterEvent.parseZxid(h.get("zxid").asText()) : -1,
                    h.path("sentTs").asLong(), deliver == null || deliver.isNull() ? -1 : deliver.asLong()));
        }
        return out;
    }
}
