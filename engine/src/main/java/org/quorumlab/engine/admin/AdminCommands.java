package org.quorumlab.engine.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.net.ClientServer.ConnectionInfo;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.server.ServerStats;

/**
 * The {@code /commands/<name>} views as JSON-ready maps, with ZooKeeper AdminServer's command
 * names, aliases and field names. Every response carries {@code command} and {@code error}.
 */
final class AdminCommands {

    private final NodeView view;
    private final EventHub hub;
    private final Map<String, BiFunction<NodeState, String, Map<String, Object>>> commands = new LinkedHashMap<>();
    private final Map<String, String> aliases = new TreeMap<>();

    AdminCommands(NodeView view, EventHub hub) {
        this.view = view;
        this.hub = hub;
        register(List.of("ruok"), (s, n) -> new LinkedHashMap<>());
        register(List.of("server_stats", "srvr"), (s, n) -> srvr(s));
        register(List.of("stats", "stat"), (s, n) -> {
            Map<String, Object> m = srvr(s);
            m.put("connections", connections(s));
            m.put("secure_connections", List.of());
            return m;
        });
        register(List.of("leader", "lead"), (s, n) -> leader());
        register(List.of("voting_view"), (s, n) -> votingView());
        register(List.of("configuration", "conf", "config"), (s, n) -> configuration());
        register(List.of("connections", "cons"), (s, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("connections", connections(s));
            m.put("secure_connections", List.of());
            return m;
        });
        register(List.of("sessions"), (s, n) -> sessions(s));
        register(List.of("dump"), (s, n) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expiry_time_to_session_ids", s.sessionExpiry());
            m.put("session_id_to_ephemeral_paths", s.ephemerals());
            return m;
        });
        register(List.of("watches", "wchc"), (s, n) -> Map.of("session_id_to_watched_paths", s.watchesBySession()));
        register(List.of("watches_by_path", "wchp"), (s, n) -> Map.of("path_to_session_ids", s.watchesByPath()));
        register(List.of("watch_summary", "wchs"), (s, n) -> Map.of("num_connections", s.watchingConnections(),
                "num_paths", s.watchesByPath().size(), "num_total_watches", s.watchCount()));
        register(List.of("monitor", "mntr"), (s, n) -> Monitor.values(view, s));
        register(List.of("environment", "env", "envi"), (s, n) -> new LinkedHashMap<>(Monitor.environment()));
        register(List.of("is_read_only", "isro"), (s, n) -> Map.of("read_only", false));
        register(List.of("stat_reset", "srst"), (s, n) -> {
            view.stats().reset();
            return Map.of();
        });
        register(List.of("connection_stat_reset", "crst"), (s, n) -> {
            view.resetConnectionStats();
            return Map.of();
        });
        register(List.of("event_stream"), (s, n) -> Map.of("subscribers", hub.subscriberDrops(),
                "dropped", hub.dropped(), "delivered", hub.delivered()));
    }

    private void register(List<String> names, BiFunction<NodeState, String, Map<String, Object>> command) {
        commands.put(names.get(0), command);
        names.forEach(n -> aliases.put(n, names.get(0)));
    }

    /** Primary command names, for the {@code /commands} index. */
    Set<String> names() {
        return commands.keySet();
    }

    /** @return null if {@code name} is unknown */
    CompletableFuture<Map<String, Object>> run(String name) {
        String primary = aliases.get(name);
        if (primary == null) {
            return null;
        }
        return NodeProbe.capture(view).thenApply(state -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.putAll(commands.get(primary).apply(state, primary));
            out.put("command", primary);
            out.put("error", null);
            return out;
        });
    }

    private Map<String, Object> srvr(NodeState s) {
        ServerStats st = view.stats();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("packets_sent", st.packetsSent.sum());
        stats.put("packets_received", st.packetsReceived.sum());
        stats.put("provider_null", false);
        stats.put("server_state", view.mode());
        stats.put("outstanding_requests", Math.max(0, st.outstanding.get()));
        stats.put("num_alive_client_connections", view.connections().size());
        stats.put("avg_latency", Monitor.avgLatencyMs(st));
        stats.put("max_latency", Monitor.maxLatencyMs(st));
        stats.put("min_latency", Monitor.minLatencyMs(st));
        stats.put("last_processed_zxid", s.zxid());
        stats.put("data_dir_size", dirSize(view.config().dataDir()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", FourLetterWords.VERSION);
        m.put("read_only", false);
        m.put("server_stats", stats);
        m.put("node_count", s.nodeCount());
        return m;
    }

    private Map<String, Object> leader() {
        Map<String, Object> m = new LinkedHashMap<>();
        ZabHost zab = view.zab();
        if (zab == null) {
            m.put("is_leader", false);
            m.put("leader_id", -1);
            m.put("leader_ip", "");
            return m;
        }
        long leaderId = zab.leaderId();
        QuorumServerSpec spec = zab.membership().servers().get(leaderId);
        m.put("is_leader", "leader".equals(view.mode()));
        m.put("leader_id", leaderId);
        m.put("leader_ip", spec == null ? "" : spec.host());
        m.put("epoch", zab.epoch());
        return m;
    }

    private Map<String, Object> votingView() {
        Map<String, Object> m = new LinkedHashMap<>();
        ZabHost zab = view.zab();
        if (zab == null) {
            m.put("current_config", Map.of());
            m.put("members", List.of());
            return m;
        }
        Map<String, String> current = new TreeMap<>();
        List<Map<String, Object>> members = new ArrayList<>();
        long leaderId = zab.leaderId();
        for (QuorumServerSpec s : zab.membership().servers().values()) {
            String line = s.toConfigLine();
            current.put(Long.toString(s.id()), line.substring(line.indexOf('=') + 1));
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", s.id());
            member.put("type", s.observer() ? "observer" : "participant");
            member.put("role", s.id() == leaderId ? "leader" : leaderId < 0 ? "unknown"
                    : s.observer() ? "observer" : "follower");
            member.put("quorum_address", s.host() + ":" + s.quorumPort());
            member.put("client_address", (s.clientHost().isEmpty() ? s.host() : s.clientHost()) + ":" + s.clientPort());
            member.put("self", s.id() == view.config().serverId());
            members.add(member);
        }
        m.put("current_config", current);
        m.put("members", members);
        return m;
    }

    private Map<String, Object> configuration() {
        ServerConfig c = view.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_port", view.port());
        m.put("secure_client_port", view.securePort());
        m.put("data_dir", c.dataDir().toAbsolutePath().toString());
        m.put("data_log_dir", c.dataDir().toAbsolutePath().toString());
        m.put("tick_time", c.tickTime());
        m.put("max_client_cnxns", c.maxClientCnxns());
        m.put("min_session_timeout", c.minSessionTimeout());
        m.put("max_session_timeout", c.maxSessionTimeout());
        m.put("server_id", c.serverId());
        m.put("admin_port", c.adminPort());
        ZabHost zab = view.zab();
        if (zab != null) {
            DynamicConfig dc = zab.membership();
            m.put("init_limit", c.initLimit());
            m.put("sync_limit", c.syncLimit());
            m.put("reconfig_enabled", c.reconfigEnabled());
            m.put("dynamic_config_version", "0x" + Long.toHexString(dc.version()));
            Map<String, String> servers = new TreeMap<>();
            dc.servers().forEach((id, s) -> servers.put("server." + id, s.toConfigLine().substring(
                    s.toConfigLine().indexOf('=') + 1)));
            m.put("dynamic_config", servers);
            m.put("membership", dc.format());
        }
        return m;
    }

    private List<Map<String, Object>> connections(NodeState s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectionInfo c : view.connections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("remote_socket_address", c.remote());
            m.put("interest_ops", 1);
            m.put("outstanding_requests", 0);
            m.put("packets_received", c.received());
            m.put("packets_sent", c.sent());
            if (c.sessionId() != 0) {
                m.put("session_id", Long.toHexString(c.sessionId()));
                m.put("last_operation", c.lastOp());
                m.put("established", c.establishedMs());
                m.put("session_timeout", s.sessions().getOrDefault(c.sessionId(), 0));
                m.put("last_response_time", c.lastResponseMs());
                m.put("last_latency", c.lastLatencyMs());
                m.put("min_latency", c.minLatencyMs());
                m.put("avg_latency", c.avgLatencyMs());
                m.put("max_latency", c.maxLatencyMs());
            }
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> sessions(NodeState s) {
        Set<Long> local = new java.util.HashSet<>();
        view.connections().forEach(c -> local.add(c.sessionId()));
        List<Map<String, Object>> list = new ArrayList<>();
        s.sessions().forEach((id, timeout) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "0x" + Long.toHexString(id));
            m.put("timeout", timeout);
            m.put("ephemerals", s.ephemerals().getOrDefault(id, Set.of()));
            m.put("connected_here", local.contains(id));
            list.add(m);
        });
        return Map.of("sessions", list, "count", list.size());
    }

    static long dirSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
