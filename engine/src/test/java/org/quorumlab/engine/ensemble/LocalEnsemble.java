package org.quorumlab.engine.ensemble;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.node.QuorumLabServer;

/** N in-process QuorumLab servers forming one ensemble on free localhost ports. */
final class LocalEnsemble implements AutoCloseable {

    final Map<Long, ServerConfig> configs = new TreeMap<>();
    final Map<Long, QuorumLabServer> servers = new TreeMap<>();

    final Map<Long, QuorumServerSpec> specs = new TreeMap<>();
    private final Path dir;
    private final int tickTime;

    LocalEnsemble(Path dir, int size, int tickTime) throws IOException {
        this(dir, size, 0, tickTime);
    }

    LocalEnsemble(Path dir, int voters, int observers, int tickTime) throws IOException {
        this.dir = dir;
        this.tickTime = tickTime;
        List<QuorumServerSpec> initial = new ArrayList<>();
        for (long id = 1; id <= voters + observers; id++) {
            initial.add(newSpec(id, id > voters));
        }
        for (QuorumServerSpec s : initial) {
            configs.put(s.id(), configFor(s.id(), initial));
        }
    }

    QuorumServerSpec newSpec(long id, boolean observer) throws IOException {
        QuorumServerSpec s = new QuorumServerSpec(id, "127.0.0.1", reserve(id), observer, "127.0.0.1", reserve(id));
        specs.put(id, s);
        return s;
    }

    /** Config of a server whose static membership is {@code members}. */
    ServerConfig configFor(long id, List<QuorumServerSpec> members) {
        ServerConfigBuilder b = new ServerConfigBuilder().serverId(id).tickTime(tickTime)
                .clientPort(specs.get(id).clientPort()).dataDir(dir.resolve("node" + id)).initLimit(10).syncLimit(5).maxSessionTimeout(30_000)
                .skipAcl(true);
        members.forEach(b::addServer);
        return b.build();
    }

    void startAll() {
        configs.keySet().forEach(this::start);
    }

    void start(long id) {
        release(id);
        servers.put(id, QuorumLabServer.start(configs.get(id)));
    }

    void stop(long id) {
        QuorumLabServer s = servers.remove(id);
        if (s != null) {
            s.close();
        }
    }

    QuorumLabServer server(long id) {
        return servers.get(id);
    }

    String connectString(long id) {
        return "127.0.0.1:" + configs.get(id).clientPort();
    }

    String connectString() {
        return configs.values().stream().map(c -> "127.0.0.1:" + c.clientPort()).collect(Collectors.joining(","));
    }

    long leaderId() {
        return servers.entrySet().stream().filter(e -> e.getValue().mode().equals("leader"))
                .map(Map.Entry::getKey).findFirst().orElse(-1L);
    }

    /**
     * Peers must know each other's ports before any server starts, so ports are picked up front;
     * the sockets stay bound until the owning server starts, so no other test can take them.
     */
    private final Map<Long, List<ServerSocket>> reserved = new TreeMap<>();

    private int reserve(long id) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
        reserved.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
        return s.getLocalPort();
    }

    private void release(long id) {
        List<ServerSocket> sockets = reserved.remove(id);
        if (sockets != null) {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own cannot meaningfully fail
                }
            }
        }
    }

    @Override
    public void close() {
        for (Long id : List.copyOf(servers.keySet())) {
            stop(id);
        }
        for (Long id : List.copyOf(reserved.keySet())) {
            release(id);
        }
    }
}
