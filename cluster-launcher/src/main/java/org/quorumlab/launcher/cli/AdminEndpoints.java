package org.quorumlab.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin HTTP endpoints named by {@code --admin host:port[,host:port...]} and a small JSON
 * client for them, shared by the {@code fault}, {@code teach} and {@code events} commands. Each
 * endpoint is one server's admin port; its server id is asked from
 * {@code /commands/configuration} when needed.
 */
final class AdminEndpoints {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminEndpoints() {
    }

    /** One {@code host:port}; {@code port} alone means localhost. */
    record Endpoint(String host, int port) {
        URI http(String path) {
            return URI.create("http://" + host + ":" + port + path);
        }

        URI ws(String path) {
            return URI.create("ws://" + host + ":" + port + path);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Splits {@code args} into positional arguments and the {@code --admin} list. */
    record Args(List<String> positional, List<Endpoint> admins) {
    }

    static Args parse(String[] args, String command) {
        List<String> positional = new ArrayList<>();
        List<Endpoint> admins = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dir")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--dir needs the cluster directory");
                }
                admins.addAll(fromClusterDir(java.nio.file.Path.of(args[++i])));
            } else if (args[i].equals("--admin")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--admin needs host:port[,host:port...]");
                }
                for (String s : args[++i].split(",")) {
                    if (!s.isBlank()) {
                        admins.add(endpoint(s.trim()));
                    }
                }
            } else if (args[i].startsWith("--")) {
                positional.add(args[i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (admins.isEmpty()) {
            throw new IllegalArgumentException(command + " needs --dir D (a launcher cluster) or "
                    + "--admin host:port[,host:port...] (the nodes' admin.serverPort)");
        }
        return new Args(positional, admins);
    }

    /** Admin endpoints of every member of the launcher cluster in {@code dir}. */
    static List<Endpoint> fromClusterDir(java.nio.file.Path dir) {
        org.quorumlab.launcher.ClusterLauncher cluster = org.quorumlab.launcher.ClusterLauncher.attach(dir);
        List<Endpoint> out = new ArrayList<>();
        for (long id : cluster.members()) {
            int admin = cluster.ports(id).admin();
            if (admin > 0) {
                out.add(new Endpoint("127.0.0.1", admin));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the cluster in " + dir + " has no admin ports (engine without admin server)");
        }
        return out;
    }

    static Endpoint endpoint(String s) {
        int colon = s.lastIndexOf(':');
        try {
            return colon < 0 ? new Endpoint("127.0.0.1", Integer.parseInt(s))
                    : new Endpoint(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad admin address '" + s + "', expected host:port");
        }
    }

    static JsonNode get(Endpoint e, String path) throws IOException, InterruptedException {
        return send(e, HttpRequest.newBuilder(e.http(path)).GET());
    }

    static JsonNode post(Endpoint e, String path, String form) throws IOException, InterruptedException {
        return send(e, HttpRequest.newBuilder(e.http(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static JsonNode send(Endpoint e, HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException ex) {
            throw new IOException("cannot reach the admin port " + e + " (is the node running?)");
        }
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200) {
            throw new IOException(e + ": " + body.path("error").asText(r.body().trim()));
        }
        return body;
    }

    /** Server id behind an admin endpoint. */
    static long serverId(Endpoint e) throws IOException, InterruptedException {
        return get(e, "/commands/configuration").get("server_id").asLong();
    }
}
