package org.quorumlab.engine.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quorumlab.engine.config.FourLetterWordWhitelist;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.net.ClientServer.ConnectionInfo;
import org.quorumlab.engine.server.ServerStats;

/**
 * Four-letter-word replies in ZooKeeper 3.9.3's text formats (see its {@code server/command/*Command}),
 * so existing scripts and parsers work: ruok, stat, srvr, conf, cons, crst, dump, envi, mntr, wchs,
 * wchc, wchp, isro, srst. A word {@code 4lw.commands.whitelist} does not enable gets ZooKeeper's refusal
 * line instead, whatever the word and whether or not the server is serving.
 */
public final class FourLetterWords {

    /** Reported as {@code zookeeper.version}; starts like ZooKeeper's so version parsers work. */
    public static final String VERSION = "3.9.3-quorumlab-0.1.0, built on 2026-11-26 00:00 UTC";
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests";

    private FourLetterWords() {
    }

    /** The full reply to {@code cmd}; never throws. */
    public static String reply(String cmd, NodeView view) {
        if (!view.config().fourLetterWords().allows(cmd)) {
            return FourLetterWordWhitelist.refusal(cmd);
        }
        StringWriter out = new StringWriter();
        PrintWriter pw = new PrintWriter(out);
        try {
            switch (cmd) {
                case "ruok" -> pw.print("imok");
                case "envi" -> envi(pw);
                case "isro" -> pw.print(view.pipeline().isServing() ? "rw" : "null");
                default -> {
                    if (!view.pipeline().isServing()) {
                        pw.println(NOT_SERVING);
                    } else {
                        serving(cmd, view, pw);
                    }
                }
            }
        } catch (Exception e) {
            pw.println(NOT_SERVING);
        }
        pw.flush();
        return out.toString();
    }

    private static void serving(String cmd, NodeView view, PrintWriter pw) throws Exception {
        switch (cmd) {
            case "srvr" -> srvr(view, NodeProbe.captureNow(view), pw, false);
            case "stat" -> srvr(view, NodeProbe.captureNow(view), pw, true);
            case "cons" -> {
                Map<Long, Integer> timeouts = NodeProbe.captureNow(view).sessions();
                for (ConnectionInfo c : view.connections()) {
                    pw.print(connection(c, false, timeouts));
                    pw.println();
                }
                pw.println();
            }
            case "crst" -> {
                view.resetConnectionStats();
                pw.println("Connection stats reset.");
            }
            case "srst" -> {
                view.stats().reset();
                pw.println("Server stats reset.");
            }
            case "mntr" -> Monitor.values(view, NodeProbe.captureNow(view))
                    .forEach((k, v) -> pw.print("zk_" + k + "\t" + v + "\n"));
            case "conf" -> pw.print(conf(view));
            case "dump" -> dump(NodeProbe.captureNow(view), pw);
            case "wchs" -> {
                NodeState s = NodeProbe.captureNow(view);
                pw.print(s.watchingConnections() + " connections watching " + s.watchesByPath().size()
                        + " paths\nTotal watches:" + s.watchCount());
                pw.println();
            }
            case "wchc" -> {
                for (Map.Entry<Long, Set<String>> e : NodeProbe.captureNow(view).watchesBySession().entrySet()) {
                    pw.println("0x" + Long.toHexString(e.getKey()));
                    e.getValue().forEach(p -> pw.println("\t" + p));
                }
                pw.println();
            }
            case "wchp" -> {
                for (Map.Entry<String, Set<Long>> e : NodeProbe.captureNow(view).watchesByPath().entrySet()) {
                    pw.println(e.getKey());
                    e.getValue().forEach(sid -> pw.print("\t0x" + Long.toHexString(sid) + "\n"));
                }
                pw.println();
            }
            default -> pw.println(cmd + " is not executed because it is not supported by this server.");
        }
    }

    private static void srvr(NodeView view, NodeState s, PrintWriter pw, boolean withClients) {
        pw.println("Zookeeper version: " + VERSION);
        if (withClients) {
            pw.println("Clients:");
            for (ConnectionInfo c : view.connections()) {
                pw.print(connection(c, true, Map.of()));
                pw.println();
            }
            pw.println();
        }
        ServerStats st = view.stats();
        pw.print("Latency min/avg/max: " + Monitor.minLatencyMs(st) + "/" + Monitor.avgLatencyMs(st) + "/"
                + Monitor.maxLatencyMs(st) + "\n");
        pw.print("Received: " + st.packetsReceived.sum() + "\n");
        pw.print("Sent: " + st.packetsSent.sum() + "\n");
        pw.print("Connections: " + view.connections().size() + "\n");
        pw.print("Outstanding: " + Math.max(0, st.outstanding.get()) + "\n");
        pw.print("Zxid: 0x" + Long.toHexString(s.zxid()) + "\n");
        pw.print("Mode: " + view.mode() + "\n");
        pw.println("Node count: " + s.nodeCount());
    }

    /** One connection in ZooKeeper's {@code ServerCnxn.dumpConnectionInfo} format. */
    static String connection(ConnectionInfo c, boolean brief, Map<Long, Integer> timeouts) {
        StringBuilder b = new StringBuilder(" ").append(c.remote()).append("[1](queued=0,recved=")
                .append(c.received()).append(",sent=").append(c.sent());
        if (!brief && c.sessionId() != 0) {
            b.append(",sid=0x").append(Long.toHexString(c.sessionId()))
                    .append(",lop=").append(c.lastOp())
                    .append(",est=").append(c.establishedMs())
                    .append(",to=").append(timeouts.getOrDefault(c.sessionId(), 0))
                    .append(",lzxid=0xffffffffffffffff")
                    .append(",lresp=").append(c.lastResponseMs())
                    .append(",llat=").append(c.lastLatencyMs())
                    .append(",minlat=").append(c.minLatencyMs())
                    .append(",avglat=").append(Math.round(c.avgLatencyMs()))
                    .append(",maxlat=").append(c.maxLatencyMs());
        }
        return b.append(')').toString();
    }

    static String conf(NodeView view) {
        ServerConfig c = view.config();
        StringBuilder b = new StringBuilder()
                .append("clientPort=").append(view.port()).append('\n')
                .append("secureClientPort=").append(view.securePort()).append('\n')
                .append("dataDir=").append(c.dataDir().toAbsolutePath()).append('\n')
                .append("dataDirSize=").append(AdminCommands.dirSize(c.dataDir())).append('\n')
                .append("dataLogDir=").append(c.dataDir().toAbsolutePath()).append('\n')
                .append("dataLogSize=").append(AdminCommands.dirSize(c.dataDir())).append('\n')
                .append("tickTime=").append(c.tickTime()).append('\n')
                .append("maxClientCnxns=").append(c.maxClientCnxns()).append('\n')
                .append("minSessionTimeout=").append(c.minSessionTimeout()).append('\n')
                .append("maxSessionTimeout=").append(c.maxSessionTimeout()).append('\n')
                .append("clientPortListenBacklog=-1\n")
                .append("serverId=").append(c.serverId()).append('\n');
        if (view.zab() != null) {
            QuorumServerSpec me = view.zab().membership().servers().get(c.serverId());
            b.append("initLimit=").append(c.initLimit()).append('\n')
                    .append("syncLimit=").append(c.syncLimit()).append('\n')
                    .append("electionAlg=3\n");
            if (me != null) {
                // no electionPort= line: elections run over the quorum port, nothing listens on another
                b.append("quorumPort=").append(me.quorumPort()).append('\n')
                        .append("peerType=").append(me.observer() ? 1 : 0).append('\n');
            }
            b.append("membership: \n").append(view.zab().membership().format()).append('\n');
        }
        return b.toString();
    }

    private static void dump(NodeState s, PrintWriter pw) {
        SimpleDateFormat date = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
        pw.println("SessionTracker dump:");
        int total = s.sessionExpiry().values().stream().mapToInt(Set::size).sum();
        pw.println("Session Sets (" + s.sessionExpiry().size() + ")/(" + total + "):");
        s.sessionExpiry().forEach((time, ids) -> {
            pw.println(ids.size() + " expire at " + date.format(new Date(time)) + ":");
            ids.forEach(id -> pw.println("\t0x" + Long.toHexString(id)));
        });
        pw.println("ephemeral nodes dump:");
        pw.println("Sessions with Ephemerals (" + s.ephemerals().size() + "):");
        s.ephemerals().forEach((sid, paths) -> {
            pw.println("0x" + Long.toHexString(sid) + ":");
            paths.forEach(p -> pw.println("\t" + p));
        });
        pw.println("Connections dump:");
    }

    private static void envi(PrintWriter pw) {
        pw.println("Environment:");
        Monitor.environment().forEach((k, v) -> pw.println(k + "=" + v));
    }
}
