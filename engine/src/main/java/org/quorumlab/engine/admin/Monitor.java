package org.quorumlab.engine.admin;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quorumlab.engine.server.ServerStats;

/** The monitoring values behind {@code mntr} and {@code /commands/monitor}, with ZooKeeper's key names. */
final class Monitor {

    private static final long STARTED_MS = System.currentTimeMillis();
    /** Resolved once in the background: a reverse lookup may take seconds where DNS is slow. */
    private static volatile String hostName = "<NA>";

    static {
        Thread t = new Thread(() -> {
            try {
                hostName = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (java.io.IOException e) {
                hostName = "<NA>";
            }
        }, "admin-hostname");
        t.setDaemon(true);
        t.start();
    }

    private Monitor() {
    }

    /** Keys without the {@code zk_} prefix, in output order. */
    static Map<String, Object> values(NodeView view, NodeState s) {
        ServerStats st = view.stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", FourLetterWords.VERSION);
        m.put("server_state", view.mode());
        m.put("avg_latency", avgLatencyMs(st));
        m.put("max_latency", maxLatencyMs(st));
        m.put("min_latency", minLatencyMs(st));
        m.put("packets_received", st.packetsReceived.sum());
        m.put("packets_sent", st.packetsSent.sum());
        m.put("num_alive_connections", view.connections().size());
        m.put("outstanding_requests", Math.max(0, st.outstanding.get()));
        m.put("uptime", System.currentTimeMillis() - STARTED_MS);
        m.put("znode_count", s.nodeCount());
        m.put("watch_count", s.watchCount());
        m.put("ephemerals_count", s.ephemeralsCount());
        m.put("approximate_data_size", s.dataSize());
        m.put("global_sessions", s.sessions().size());
        m.put("local_sessions", 0);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            m.put("open_file_descriptor_count", unix.getOpenFileDescriptorCount());
            m.put("max_file_descriptor_count", unix.getMaxFileDescriptorCount());
        }
        m.put("last_zxid", "0x" + Long.toHexString(s.zxid()));
        m.put("fsync_count", view.logStats().batches());
        if ("leader".equals(view.mode())) {
            m.put("learners", s.learners().size());
            m.put("followers", s.learners().stream().filter(l -> !l.observer()).count());
            m.put("synced_followers", s.syncedFollowers());
            m.put("synced_non_voting_followers", 0);
            m.put("synced_observers", s.syncedObservers());
            m.put("pending_syncs", 0);
        }
        return m;
    }

    static long minLatencyMs(ServerStats st) {
        long min = st.minLatencyNanos.get();
        return st.requests.sum() == 0 || min == Long.MAX_VALUE ? 0 : min / 1_000_000;
    }

    static long maxLatencyMs(ServerStats st) {
        return st.maxLatencyNanos.get() / 1_000_000;
    }

    /** Mean latency in ms with ZooKeeper's 4-decimal rounding. */
    static double avgLatencyMs(ServerStats st) {
        long n = st.requests.sum();
        if (n == 0) {
            return 0.0;
        }
        return new BigDecimal(st.totalLatencyNanos.sum() / 1e6 / n).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    /** ZooKeeper's {@code Environment.list()} keys. */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("zookeeper.version", FourLetterWords.VERSION);
        env.put("host.name", hostName);
        for (String key : new String[] {"java.version", "java.vendor", "java.home", "java.class.path",
                "java.library.path", "java.io.tmpdir"}) {
            env.put(key, System.getProperty(key, "<NA>"));
        }
        env.put("java.compiler", System.getProperty("java.compiler", "<NA>"));
        for (String key : new String[] {"os.name", "os.arch", "os.version", "user.name", "user.home", "user.dir"}) {
            env.put(key, System.getProperty(key, "<NA>"));
        }
        Runtime rt = Runtime.getRuntime();
        env.put("os.memory.free", rt.freeMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.max", rt.maxMemory() / (1024 * 1024) + "MB");
        env.put("os.memory.total", rt.totalMemory() / (1024 * 1024) + "MB");
        return env;
    }
}
