package org.quorumlab.gui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Collectors;

/**
 * Talks to the admin HTTP server of nodes ({@code host:adminPort}) with {@link java.net.http}.
 * Every call is blocking and bounded by a timeout; call it off the UI thread. Thread-safe.
 */
public final class AdminClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService reconnects;

    /** A client with 2 s connect and 5 s request timeouts. */
    public AdminClient() {
        this(Duration.ofSeconds(5));
    }

    /** A client whose requests time out after {@code timeout}. */
    public AdminClient(Duration timeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.timeout = timeout;
        this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admin-event-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code GET /commands/<name>} as JSON. */
    public JsonNode command(String endpoint, String name) throws IOException {
        return JSON.readTree(get(endpoint, "/commands/" + name));
    }

    /** {@code GET /metrics}, flattened to {@code name{labels} -> value}. */
    public Map<String, Double> metrics(String endpoint) throws IOException {
        return PrometheusText.parse(get(endpoint, "/metrics"));
    }

    /** {@code GET /faults}: the node's blocked peers, drop rates and delays. */
    public JsonNode faults(String endpoint) throws IOException {
        return JSON.readTree(get(endpoint, "/faults"));
    }

    /**
     * {@code POST /faults/<action>} with form parameters ({@code partition} with {@code groups},
     * {@code drop}, {@code delay}, {@code heal}).
     *
     * @throws IOException with the node's error message when it refuses
     */
    public JsonNode fault(String endpoint, String action, Map<String, String> params) throws IOException {
        return post(endpoint, "/faults/" + action, params);
    }

    /**
     * {@code GET /teaching}: the node's teaching speed, pause flag, message delay and held messages.
     *
     * @throws IOException with the node's error message (e.g. 409 on a standalone server)
     */
    public JsonNode teaching(String endpoint) throws IOException {
        return JSON.readTree(get(endpoint, "/teaching"));
    }

    /**
     * {@code POST /teaching/<action>} ({@code speed} with {@code factor}, {@code pause},
     * {@code resume}, {@code step}, {@code release} or {@code drop} with {@code id}).
     *
     * @throws IOException with the node's error message when it refuses (bad factor, unknown id)
     */
    public JsonNode teachingAction(String endpoint, String action, Map<String, String> params) throws IOException {
        return post(endpoint, "/teaching/" + action, params);
    }

    private JsonNode post(String endpoint, String path, Map<String, String> params) throws IOException {
        String body = params.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(uri("http", endpoint, path + (body.isEmpty() ? "" : "?" + body)))
                .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return JSON.readTree(send(req, endpoint));
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
        EventSubscription s = new EventSubscription(http, uri("ws", endpoint, "/events"), sink, connected, reconnects);
        s.connect();
        return s;
    }

    private String get(String endpoint, String path) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(uri("http", endpoint, path)).timeout(timeout).GET().build();
        return send(req, endpoint);
    }

    private String send(HttpRequest req, String endpoint) throws IOException {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() >= 400) {
                String msg = resp.body();
                try {
                    JsonNode err = JSON.readTree(resp.body());
                    if (err.hasNonNull("error")) {
                        msg = err.get("error").asText();
                    }
                } catch (IOException e) {
                    // not JSON: keep the raw body
                }
                throw new IOException(endpoint + ": " + msg.trim());
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + endpoint, e);
        }
    }

    private static URI uri(String scheme, String endpoint, String path) {
        return URI.create(scheme + "://" + endpoint + path);
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
