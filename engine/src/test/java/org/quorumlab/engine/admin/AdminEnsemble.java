package org.quorumlab.engine.admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;
import org.quorumlab.engine.config.AdminToken;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.FourLetterWordWhitelist;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * In-process servers with their admin port enabled (ephemeral): a standalone one or an ensemble,
 * like the ensemble package's LocalEnsemble (which is package-private there and has no admin port).
 * Every server reads its admin token from {@code admin.token} (mode 0600) in the ensemble's
 * directory, holding {@link #TOKEN}, which {@link AdminClient} sends.
 */
final class AdminEnsemble implements AutoCloseable {

    static final int TICK_TIME = 100;
    static final String TOKEN = "admin-test-token-5f3a9c1e";

    final Map<Long, ServerConfig> configs = new TreeMap<>();
    final Map<Long, QuorumLabServer> servers = new TreeMap<>();

    AdminEnsemble(Path dir, int size) throws IOException {
        this(dir, size, TICK_TIME);
    }

    /** With a longer {@code tickTime} clients may negotiate longer sessions (up to 20 ticks). */
    AdminEnsemble(Path dir, int size, int tickTime) throws IOException {
        AdminToken token = AdminToken.readFrom(writeTokenFile(dir.resolve("admin.token"), TOKEN));
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (long id = 1; id <= size; id++) {
            specs.add(new QuorumServerSpec(id, "127.0.0.1", freePort(), false, "127.0.0.1", freePort()));
        }
        for (QuorumServerSpec s : specs) {
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(tickTime)
                    .clientPort(s.clientPort()).dataDir(dir.resolve("node" + s.id())).initLimit(10).syncLimit(5)
                    .skipAcl(true).adminPort(0).adminToken(token).fourLetterWords(FourLetterWordWhitelist.ALL);
            if (size > 1) {
                specs.forEach(b::addServer);
            } else {
                b.clientPort(0);
            }
            configs.put(s.id(), b.build());
        }
    }

    AdminEnsemble startAll() {
        configs.keySet().forEach(id -> servers.put(id, QuorumLabServer.start(configs.get(id))));
        return this;
    }

    QuorumLabServer server(long id) {
        return servers.get(id);
    }

    void stop(long id) {
        QuorumLabServer s = servers.remove(id);
        if (s != null) {
            s.close();
        }
    }

    long leaderId() {
        return servers.entrySet().stream().filter(e -> e.getValue().mode().equals("leader"))
                .map(Map.Entry::getKey).findFirst().orElse(-1L);
    }

    String connectString(long... ids) {
        StringBuilder b = new StringBuilder();
        for (long id : ids) {
            b.append(b.length() == 0 ? "" : ",").append("127.0.0.1:").append(servers.get(id).port());
        }
        return b.toString();
    }

    /** An official client, connected (waits for SyncConnected). */
    static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        return connect(connectString, 10_000);
    }

    static ZooKeeper connect(String connectString, int sessionTimeoutMs) throws IOException, InterruptedException {
        return ConnectedClients.connect(connectString, sessionTimeoutMs);
    }

    /** Writes {@code token} to {@code file}, readable by its owner only, as the launcher does. */
    static Path writeTokenFile(Path file, String token) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n");
        return file;
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
