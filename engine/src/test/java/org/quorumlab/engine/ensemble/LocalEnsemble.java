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

    LocalEnsemble(Path dir, int size, int tickTime) throws IOException {
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (long id = 1; id <= size; id++) {
            specs.add(new QuorumServerSpec(id, "127.0.0.1", freePort(), freePort(), false, "127.0.0.1", freePort()));
        }
        for (QuorumServerSpec s : specs) {
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(tickTime)
                    .clientPort(s.clientPort()).dataDir(dir.resolve("node" + s.id())).initLimit(10).syncLimit(5)
                    .skipAcl(true);
            specs.forEach(b::addServer);
            configs.put(s.id(), b.build());
        }
    }

    void startAll() {
        configs.keySet().forEach(this::start);
    }

    void start(long id) {
        servers.put(id, QuorumLabServer.start(configs.get(id)));
    }

    void stop(long id) {
        QuorumLabServer s = servers.remove(id);
        if (s != null) {
            s.close();
        }
    }

    String connectString() {
        return configs.values().stream().map(c -> "127.0.0.1:" + c.clientPort()).collect(Collectors.joining(","));
    }

    long leaderId() {
        return servers.entrySet().stream().filter(e -> e.getValue().mode().equals("leader"))
                .map(Map.Entry::getKey).findFirst().orElse(-1L);
    }

    static int freePort() throws IOException {
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
