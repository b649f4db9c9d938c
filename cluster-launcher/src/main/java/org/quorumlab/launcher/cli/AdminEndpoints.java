package org.quorumlab.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.admin.AdminHttpClient;

/**
 * The admin endpoints and token of the {@code fault}, {@code teach} and {@code events} commands:
 * {@code --dir D} names a launcher cluster (every member's admin port, and the token in
 * {@code D/admin.token}); {@code --admin host:port[,host:port...]} names endpoints explicitly
 * (then {@code --dir} only supplies the token); {@code --token T} or {@code --token-file F} give
 * the token outright. Each endpoint is one server's admin port; its server id is asked from
 * {@code /commands/configuration} when needed.
 */
final class AdminEndpoints {

    private AdminEndpoints() {
    }

    /** One {@code host:port}; {@code port} alone means localhost. */
    record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** Positional arguments, the endpoints, and the client that carries the token to them. */
    record Args(List<String> positional, List<Endpoint> admins, AdminHttpClient client) {
    }

    static Args parse(String[] args, String command) {
        List<String> positional = new ArrayList<>();
        List<Endpoint> listed = new ArrayList<>();
        Path dir = null;
        String token = null;
        Path tokenFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir needs the cluster directory"));
                case "--token" -> token = value(args, ++i, "--token needs the admin token");
                case "--token-file" -> tokenFile = Path.of(value(args, ++i, "--token-file needs a file"));
                case "--admin" -> {
                    for (String s : value(args, ++i, "--admin needs host:port[,host:port...]").split(",")) {
                        if (!s.isBlank()) {
                            listed.add(endpoint(s.trim()));
                        }
                    }
                }
                default -> positional.add(args[i]);
            }
        }
        if (dir == null && listed.isEmpty()) {
            throw new IllegalArgumentException(command + " needs --dir D (a launcher cluster) or "
                    + "--admin host:port[,host:port...] (the nodes' admin.serverPort)");
        }
        if (token != null && tokenFile != null) {
            throw new IllegalArgumentException("give the admin token once: --token or --token-file");
        }
        List<Endpoint> admins = listed.isEmpty() ? fromClusterDir(dir) : listed;
        AdminCredentials credentials = token != null ? AdminCredentials.bearer(token)
                : tokenFile != null ? AdminCredentials.fromFile(tokenFile)
                : dir != null ? AdminCredentials.ofClusterDir(dir)
                : AdminCredentials.none();
        return new Args(positional, admins, new AdminHttpClient(credentials));
    }

    private static String value(String[] args, int i, String missing) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException(missing);
        }
        return args[i];
    }

    /** Admin endpoints of every member of the launcher cluster in {@code dir}. */
    static List<Endpoint> fromClusterDir(Path dir) {
        ClusterLauncher cluster = ClusterLauncher.attach(dir);
        List<Endpoint> out = new ArrayList<>();
        for (long id : cluster.members()) {
            cluster.adminEndpoint(id).ifPresent(e -> out.add(endpoint(e)));
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

    /** Server id behind an admin endpoint. */
    static long serverId(AdminHttpClient client, Endpoint e) throws IOException {
        return client.getJson(e.toString(), "/commands/configuration").get("server_id").asLong();
    }
}
