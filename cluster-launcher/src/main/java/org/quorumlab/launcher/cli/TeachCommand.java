package org.quorumlab.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quorumlab.launcher.admin.AdminHttpClient;
import org.quorumlab.launcher.cli.AdminEndpoints.Endpoint;

/**
 * {@code quorumlab teach state|speed N|pause|resume|step|release ID|drop ID (--dir D | --admin ...)}:
 * teaching mode through the nodes' {@code /teaching} admin API. Speed, pause and resume go to every
 * listed node; {@code step} releases the oldest held message across all of them (by send time) on
 * the node holding it. Message ids are per node: {@code S:ID} names message ID of server S, a bare
 * ID is accepted when exactly one node holds a message with that id.
 */
public final class TeachCommand {

    static final int MAX_FACTOR = 1000;
    static final String USAGE = """
            usage: quorumlab teach <action> (--dir D | --admin host:port[,host:port...]) [--token T | --token-file F]
              state          speed, pause state and held messages of every listed node
              speed N        slow motion, N = 1..1000 (1 = real time): each quorum message waits
                             (N-1)*10 ms and the consensus clock runs N times slower
              pause          hold every quorum message until stepped; consensus timeouts stop
              resume         leave pause (held messages wait the speed's delay from now)
              step           deliver the oldest held message across the listed nodes
              release ID     deliver held message ID now (S:ID = message ID of server S)
              drop ID        discard held message ID; its receiver never sees it
            --dir D reads the admin token from D/admin.token; with --admin give it with --token or --token-file
            """;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private TeachCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        AdminEndpoints.Args a = AdminEndpoints.parse(args, "teach");
        List<String> p = a.positional();
        String action = p.isEmpty() ? "" : p.get(0);
        switch (action) {
            case "state" -> {
                for (Node n : nodes(a)) {
                    printState(out, n, n.state());
                }
            }
            case "speed" -> {
                int factor = parseFactor(arg(p, 1, "speed needs a factor N = 1..1000"));
                for (Node n : nodes(a)) {
                    printState(out, n, n.post("/teaching/speed", Map.of("factor", Integer.toString(factor))));
                }
            }
            case "pause", "resume" -> {
                for (Node n : nodes(a)) {
                    printState(out, n, n.post("/teaching/" + action, Map.of()));
                }
            }
            case "step" -> {
                Held oldest = oldest(nodes(a));
                if (oldest == null) {
                    err.println("quorumlab teach step: nothing held on any listed node");
                    return 1;
                }
                JsonNode released = oldest.node().post("/teaching/release",
                        Map.of("id", Long.toString(oldest.message().get("id").asLong())));
                out.println("released " + describe(oldest.node(), released.get("released")));
            }
            case "release", "drop" -> {
                Held target = find(nodes(a), arg(p, 1, action + " needs a message id (ID or SERVER:ID)"));
                JsonNode result = target.node().post("/teaching/" + action,
                        Map.of("id", Long.toString(target.message().get("id").asLong())));
                out.println((action.equals("drop") ? "dropped " : "released ")
                        + describe(target.node(), result.get(action.equals("drop") ? "dropped" : "released")));
            }
            default -> {
                err.println("quorumlab teach: unknown action '" + action + "'");
                err.print(USAGE);
                return 2;
            }
        }
        return 0;
    }

    /** One admin endpoint, the server id behind it, and the client that reaches it with the token. */
    record Node(Endpoint endpoint, long serverId, AdminHttpClient client) {
        JsonNode state() throws Exception {
            return client.getJson(endpoint.toString(), "/teaching");
        }

        JsonNode post(String path, Map<String, String> params) throws Exception {
            return client.post(endpoint.toString(), path, params);
        }
    }

    /** A held message and the node that holds it. */
    record Held(Node node, JsonNode message) {
    }

    static int parseFactor(String s) {
        try {
            int factor = Integer.parseInt(s.trim().replace("x", ""));
            if (factor >= 1 && factor <= MAX_FACTOR) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("speed must be an integer 1..1000 (1 = real time), got '" + s + "'");
    }

    private static List<Node> nodes(AdminEndpoints.Args a) throws Exception {
        List<Node> out = new ArrayList<>();
        for (Endpoint e : a.admins()) {
            out.add(new Node(e, AdminEndpoints.serverId(a.client(), e), a.client()));
        }
        return out;
    }

    /** The held message sent first across {@code nodes}, or null. */
    private static Held oldest(List<Node> nodes) throws Exception {
        Held best = null;
        for (Node n : nodes) {
            JsonNode held = n.state().get("held");
            if (held != null && !held.isEmpty()) {
                JsonNode first = held.get(0);
                if (best == null || first.get("sentTs").asLong() < best.message().get("sentTs").asLong()) {
                    best = new Held(n, first);
                }
            }
        }
        return best;
    }

    private static Held find(List<Node> nodes, String spec) throws Exception {
        Long server = null;
        String idText = spec;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            server = parseLong(spec.substring(0, colon), spec);
            idText = spec.substring(colon + 1);
        }
        long id = parseLong(idText, spec);
        List<Held> matches = new ArrayList<>();
        for (Node n : nodes) {
            if (server != null && n.serverId() != server) {
                continue;
            }
            for (JsonNode h : n.state().get("held")) {
                if (h.get("id").asLong() == id) {
                    matches.add(new Held(n, h));
                }
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no held message " + spec + " on "
                    + (server == null ? "any listed node" : "server " + server) + " (see: quorumlab teach state)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("servers " + matches.stream().map(h -> h.node().serverId()).toList()
                    + " all hold a message " + id + "; name one as SERVER:" + id);
        }
        return matches.get(0);
    }

    private static long parseLong(String s, String spec) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a message id like 17 or 2:17, got '" + spec + "'");
        }
    }

    private static String arg(List<String> p, int i, String missing) {
        if (p.size() <= i) {
            throw new IllegalArgumentException(missing);
        }
        return p.get(i);
    }

    private static void printState(PrintStream out, Node n, JsonNode state) {
        JsonNode held = state.get("held");
        out.println("server " + n.serverId() + " (" + n.endpoint() + "): speed " + state.get("slowFactor").asInt()
                + "x, " + (state.get("paused").asBoolean() ? "paused" : "running") + ", delay "
                + state.get("messageDelayMs").asLong() + " ms, " + held.size() + " held");
        for (JsonNode h : held) {
            out.println("  " + describe(n, h));
        }
    }

    private static String describe(Node n, JsonNode h) {
        JsonNode deliver = h.get("deliverTs");
        return n.serverId() + ":" + h.get("id").asLong() + " " + h.get("kind").asText() + " "
                + n.serverId() + "->" + h.get("to").asLong()
                + (h.hasNonNull("zxid") ? " " + h.get("zxid").asText() : "")
                + " sent " + TIME.format(Instant.ofEpochMilli(h.get("sentTs").asLong()))
                + (deliver == null || deliver.isNull() ? " (held until stepped)"
                        : " due " + TIME.format(Instant.ofEpochMilli(deliver.asLong())));
    }
}
