package org.quorumlab.engine.node;

import java.util.Locale;
import org.quorumlab.engine.server.ServerStats;

/** Four-letter-word replies in ZooKeeper's formats, so existing scripts and parsers work. */
final class FourLetterWords {

    static final String VERSION = "3.9.3-quorumlab-0.1.0, built on 2026-11-26";

    /** State read from the pipeline for one reply. */
    record Snapshot(long zxid, int nodeCount, int watchCount, int ephemerals, long dataSize, int sessions) {
    }

    private FourLetterWords() {
    }

    static String reply(String cmd, ServerStats stats, java.util.List<String> clients, String mode, Snapshot s,
            String conf) {
        int connections = clients.size();
        return switch (cmd) {
            case "ruok" -> "imok";
            case "isro" -> "rw";
            case "srvr" -> srvr(stats, connections, mode, s);
            case "stat" -> {
                String srvr = srvr(stats, connections, mode, s);
                StringBuilder b = new StringBuilder("Zookeeper version: " + VERSION + "\nClients:\n");
                clients.forEach(c -> b.append(' ').append(c).append('\n'));
                yield b.append('\n').append(srvr.substring(srvr.indexOf('\n') + 1)).toString();
            }
            case "cons" -> {
                StringBuilder b = new StringBuilder();
                clients.forEach(c -> b.append(' ').append(c).append('\n'));
                yield b.append('\n').toString();
            }
            case "mntr" -> mntr(stats, connections, mode, s);
            case "conf" -> conf;
            case "srst" -> {
                stats.reset();
                yield "Server stats reset.\n";
            }
            case "crst" -> {
                stats.reset();
                yield "Connection stats reset.\n";
            }
            case "envi" -> "Environment:\nzookeeper.version=" + VERSION + "\njava.version="
                    + Runtime.version() + "\nos.name=" + System.getProperty("os.name") + "\n";
            case "wchs" -> connections + " connections watching " + s.watchCount() + " paths\nTotal watches:"
                    + s.watchCount() + "\n";
            default -> cmd + " is not executed because it is not supported by this server.\n";
        };
    }

    private static String srvr(ServerStats stats, int connections, String mode, Snapshot s) {
        long n = stats.requests.sum();
        long min = n == 0 ? 0 : stats.minLatencyNanos.get() / 1_000_000;
        double avg = n == 0 ? 0 : stats.totalLatencyNanos.sum() / 1e6 / n;
        long max = stats.maxLatencyNanos.get() / 1_000_000;
        return "Zookeeper version: " + VERSION + "\n"
                + String.format(Locale.ROOT, "Latency min/avg/max: %d/%.4f/%d%n", min, avg, max)
                + "Received: " + stats.packetsReceived.sum() + "\n"
                + "Sent: " + stats.packetsSent.sum() + "\n"
                + "Connections: " + connections + "\n"
                + "Outstanding: " + Math.max(0, stats.outstanding.get()) + "\n"
                + "Zxid: 0x" + Long.toHexString(s.zxid()) + "\n"
                + "Mode: " + mode + "\n"
                + "Node count: " + s.nodeCount() + "\n";
    }

    private static String mntr(ServerStats stats, int connections, String mode, Snapshot s) {
        long n = stats.requests.sum();
        StringBuilder b = new StringBuilder();
        line(b, "zk_version", VERSION);
        line(b, "zk_server_state", mode);
        line(b, "zk_avg_latency", String.format(Locale.ROOT, "%.4f", n == 0 ? 0 : stats.totalLatencyNanos.sum() / 1e6 / n));
        line(b, "zk_max_latency", stats.maxLatencyNanos.get() / 1_000_000);
        line(b, "zk_min_latency", n == 0 ? 0 : stats.minLatencyNanos.get() / 1_000_000);
        line(b, "zk_packets_received", stats.packetsReceived.sum());
        line(b, "zk_packets_sent", stats.packetsSent.sum());
        line(b, "zk_num_alive_connections", connections);
        line(b, "zk_outstanding_requests", Math.max(0, stats.outstanding.get()));
        line(b, "zk_znode_count", s.nodeCount());
        line(b, "zk_watch_count", s.watchCount());
        line(b, "zk_ephemerals_count", s.ephemerals());
        line(b, "zk_approximate_data_size", s.dataSize());
        line(b, "zk_global_sessions", s.sessions());
        line(b, "zk_last_zxid", "0x" + Long.toHexString(s.zxid()));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(key).append('\t').append(value).append('\n');
    }
}
