package org.quorumlab.gui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.admin.AdminHttpClient;
import org.quorumlab.launcher.admin.ClusterEvent;

/**
 * The console's typed view of nodes' admin servers ({@code host:adminPort}): commands, metrics,
 * faults, teaching, node snapshots and reconnecting event subscriptions. Every request goes through
 * the launcher's {@link AdminHttpClient}, the one admin client of QuorumLab, which sends the
 * cluster's token from {@link AdminCredentials}. Every call is blocking and bounded by a timeout;
 * call it off the UI thread. Thread-safe.
 */
public final class AdminClient implements AutoCloseable {

    private final AdminHttpClient http;
    private final ScheduledExecutorService reconnects;

    /** A client with 2 s connect and 5 s request timeouts. */
    public AdminClient(AdminCredentials credentials) {
        this(credentials, Duration.ofSeconds(5));
    }

    /** A client whose requests time out after {@code timeout}. */
    public AdminClient(AdminCredentials credentials, Duration timeout) {
        this.http = new AdminHttpClient(credentials, timeout);
        this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admin-event-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code GET /commands/<name>} as JSON. */
    public JsonNode command(String endpoint, String name) throws IOException {
        return http.getJson(endpoint, "/commands/" + name);
    }

    /** {@code GET /metrics}, flattened to {@code name{labels} -> value}. */
    public Map<String, Double> metrics(String endpoint) throws IOException {
        return PrometheusText.parse(http.get(endpoint, "/metrics"));
    }

    /** {@code GET /faults}: the node's blocked peers, drop rates and delays. */
    public JsonNode faults(String endpoint) throws IOException {
        return http.getJson(endpoint, "/faults");
    }

    /**
     * {@code POST /faults/<action>} with form parameters ({@code partition} with {@code groups},
     * {@code drop}, {@code delay}, {@code heal}).
     *
     * @throws IOException with the node's error message when it refuses
     */
    public JsonNode fault(String endpoint, String action, Map<String, String> params) throws IOException {
        return http.post(endpoint, "/faults/" + action, params);
    }

    /**
     * {@code GET /teaching}: the node's teaching speed, pause flag, message delay and held messages.
     *
     * @throws IOException with the node's error message (e.g. 409 on a standalone server)
     */
    public JsonNode teaching(String endpoint) throws IOException {
        return http.getJson(endpoint, "/teaching");
    }

    /**
     * {@code POST /teaching/<action>} ({@code speed} with {@code factor}, {@code pause},
     * {@code resume}, {@code step}, {@code release} or {@code drop} with {@code id}).
     *
     * @throws IOException with the node's error message when it refuses (bad factor, unknown id)
     */
    public JsonNode teachingAction(String endpoint, String action, Map<String, String> params) throws IOException {
        return http.post(endpoint, "/teaching/" + action, params);
    }

    /** Polls {@code monitor}, {@code leader}, {@code voting_view} and {@code /faults} of one node. */
    public NodeSnapshot snapshot(String endpoint) throws IOException {
        JsonNode mntr = command(endpoint, "monitor");
        JsonNode leader = command(endpoint, "leader");
        JsonNode voting = command(endpoint, "voting_view");
        List<NodeSnapshot.Member> members = new ArrayList<>();
        long self = -1;
        for (JsonNode m : voting.path("members")) {
            members.add(new NodeSnapshot.Member(m.path("id").asLong(), "observer".equals(m.path("type").asText())));
            if (m.path("self").asBoolean(false)) {
                self = m.path("id").asLong();
            }
        }
        if (self < 0) {
            self = command(endpoint, "configuration").path("server_id").asLong(-1);
        }
        Set<Long> blocked = new TreeSet<>();
        if (!members.isEmpty()) {
            try {
                faults(endpoint).path("blocked").forEach(b -> blocked.add(b.asLong()));
            } catch (IOException e) {
                // standalone or refused: no faults to show
            }
        }
        return new NodeSnapshot(endpoint, self, mntr.path("server_state").asText("unknown"),
                leader.path("epoch").asLong(-1), leader.path("leader_id").asLong(-1),
                ClusterEvent.parseZxid(mntr.path("last_zxid").asText()),
                mntr.path("num_alive_connections").asInt(), mntr.path("outstanding_requests").asInt(),
                mntr.path("znode_count").asLong(), blocked, members);
    }

    /**
     * Subscribes to {@code ws://endpoint/events}. Reconnects after the node dies and comes back
     * (backoff 250 ms doubling to 2 s) until the subscription is closed.
     *
     * @param sink      receives every parsed event, on a WebSocket thread
     * @param connected receives true on (re)connect and false on loss
     */
    public EventSubscription subscribe(String endpoint, Consumer<ClusterEvent> sink, Consumer<Boolean> connected) {
        EventSubscription s = new EventSubscription(http, endpoint, sink, connected, reconnects);
        s.connect();
        return s;
    }

    /** Parameters of a partition call: {@code groups=1,2|3}. */
    public static Map<String, String> groups(String groups) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("groups", groups);
        return m;
    }

    @Override
    public void close() {
        reconnects.shutdownNow();
    }
}
