package org.quorumlab.gui.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quorumlab.engine.config.AdminToken;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.launcher.admin.AdminCredentials;

/**
 * In-process ensemble with admin ports (the approach of the engine's AdminEnsemble test fixture).
 * Its admin servers read their token from {@code admin.token} (mode 0600) in the ensemble's
 * directory, as a launcher cluster's do; {@link #adminCredentials()} reads it from there.
 */
public final class TestEnsemble implements AutoCloseable {

    private final Map<Long, ServerConfig> configs = new TreeMap<>();
    private final Map<Long, QuorumLabServer> servers = new TreeMap<>();
    private final Map<Long, Integer> adminPorts = new TreeMap<>();
    private final List<QuorumServerSpec> specs = new ArrayList<>();
    private final Path tokenFile;

    public TestEnsemble(Path dir, int size) throws IOException {
        tokenFile = dir.resolve("admin.token");
        Files.createDirectories(dir);
        Files.writeString(tokenFile, "test-ensemble-token-" + Long.toHexString(System.nanoTime()) + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        AdminToken token = AdminToken.readFrom(tokenFile);
        for (long id = 1; id <= size; id++) {
            specs.add(new QuorumServerSpec(id, "127.0.0.1", freePort(), false, "127.0.0.1", freePort()));
        }
        for (QuorumServerSpec s : specs) {
            int admin = freePort();
            adminPorts.put(s.id(), admin);
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(100)
                    .clientPort(s.clientPort()).dataDir(dir.resolve("node" + s.id())).initLimit(10).syncLimit(5)
                    .skipAcl(true).adminPort(admin).adminToken(token);
            specs.forEach(b::addServer);
            configs.put(s.id(), b.build());
        }
    }

    public TestEnsemble startAll() {
        configs.keySet().forEach(id -> servers.put(id, QuorumLabServer.start(configs.get(id))));
        return this;
    }

    public void stop(long id) {
        QuorumLabServer s = servers.remove(id);
        if (s != null) {
            s.close();
        }
    }

    public long leaderId() {
        return servers.entrySet().stream().filter(e -> e.getValue().mode().equals("leader"))
                .map(Map.Entry::getKey).findFirst().orElse(-1L);
    }

    public boolean settled() {
        return leaderId() > 0 && servers.values().stream().noneMatch(s -> s.mode().equals("looking"));
    }

    /** Admin endpoints of every configured node (running or not), like the launcher's. */
    public List<String> adminEndpoints() {
        return adminPorts.values().stream().map(p -> "127.0.0.1:" + p).toList();
    }

    /** The admin token, read from the ensemble's token file as the console reads a cluster's. */
    public AdminCredentials adminCredentials() {
        return AdminCredentials.fromFile(tokenFile);
    }

    /** The running member whose client port is {@code port}, or -1. */
    public long idOfClientPort(int port) {
        return specs.stream().filter(s -> s.clientPort() == port && servers.containsKey(s.id()))
                .mapToLong(QuorumServerSpec::id).findFirst().orElse(-1);
    }

    public String connectString() {
        StringBuilder b = new StringBuilder();
        specs.forEach(s -> b.append(b.length() == 0 ? "" : ",").append("127.0.0.1:").append(s.clientPort()));
        return b.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Long id : List.copyOf(servers.keySet())) {
            stop(id);
        }
    }
}
