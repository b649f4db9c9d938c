package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.engine.admin.AdminClient.command;
import static org.quorumlab.engine.admin.AdminClient.fourLetter;
import static org.quorumlab.engine.admin.AdminClient.metric;
import static org.quorumlab.engine.admin.AdminClient.parseMntr;
import static org.quorumlab.engine.admin.AdminClient.parseSrvr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.node.QuorumLabServer;

/** Four-letter words, admin JSON and metrics of a standalone server, checked against its real state. */
class StandaloneAdminTest {

    @TempDir
    static Path dir;
    static AdminEnsemble ensemble;
    static QuorumLabServer server;
    static ZooKeeper zk;

    @BeforeAll
    static void start() throws Exception {
        ensemble = new AdminEnsemble(dir, 1).startAll();
        server = ensemble.server(1);
        zk = AdminEnsemble.connect("127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        zk.close();
        ensemble.close();
    }

    @Test
    void znodeCountsAgreeEverywhereAndGrowByTheNodesCreated() throws Exception {
        int before = Integer.parseInt(parseMntr(fourLetter(server.port(), "mntr")).get("zk_znode_count"));
        zk.create("/count", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < 9; i++) {
            zk.create("/count/n" + i, new byte[10], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        Map<String, String> mntr = parseMntr(fourLetter(server.port(), "mntr"));
        int after = Integer.parseInt(mntr.get("zk_znode_count"));
        assertThat(after).isEqualTo(before + 10);
        assertThat(mntr.get("zk_server_state")).isEqualTo("standalone");
        assertThat(Long.parseLong(mntr.get("zk_approximate_data_size"))).isGreaterThanOrEqualTo(90);
        assertThat(mntr).containsKeys("zk_version", "zk_avg_latency", "zk_num_alive_connections",
                "zk_outstanding_requests", "zk_watch_count", "zk_ephemerals_count", "zk_packets_received");

        Map<String, String> srvr = parseSrvr(fourLetter(server.port(), "srvr"));
        assertThat(srvr.get("Node count")).isEqualTo(Integer.toString(after));
        assertThat(srvr.get("Mode")).isEqualTo("standalone");
        assertThat(srvr.get("Zxid")).startsWith("0x");
        assertThat(Integer.parseInt(srvr.get("Connections"))).isGreaterThanOrEqualTo(1); // counts the 4lw socket

        assertThat(command(server.adminPort(), "monitor").get("znode_count").asInt()).isEqualTo(after);
        assertThat(command(server.adminPort(), "srvr").get("node_count").asInt()).isEqualTo(after);
        String metrics = AdminClient.get(server.adminPort(), "/metrics").body();
        assertThat(metric(metrics, "quorumlab_znode_count")).isEqualTo(after);
        assertThat(metric(metrics, "quorumlab_requests_total{op=\"create\"}")).isGreaterThanOrEqualTo(10);
        assertThat(metric(metrics, "quorumlab_request_latency_seconds_count{kind=\"write\"}"))
                .isGreaterThanOrEqualTo(10);
        assertThat(metric(metrics, "quorumlab_role{role=\"standalone\"}")).isEqualTo(1);
        assertThat(metric(metrics, "quorumlab_role{role=\"leader\"}")).isEqualTo(0);
        assertThat(metric(metrics, "quorumlab_connections")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "quorumlab_fsync_latency_seconds_count")).isGreaterThan(0);
    }

    @Test
    void watchesAreListedBySessionAndByPath() throws Exception {
        zk.create("/watched", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.getData("/watched", e -> { }, null);
        String sid = "0x" + Long.toHexString(zk.getSessionId());

        String wchc = fourLetter(server.port(), "wchc");
        assertThat(wchc).contains(sid + "\n\t/watched\n");
        String wchp = fourLetter(server.port(), "wchp");
        assertThat(wchp).contains("/watched\n\t" + sid + "\n");
        assertThat(fourLetter(server.port(), "wchs")).contains("connections watching").contains("Total watches:");
        assertThat(Integer.parseInt(parseMntr(fourLetter(server.port(), "mntr")).get("zk_watch_count")))
                .isGreaterThanOrEqualTo(1);

        JsonNode watches = command(server.adminPort(), "watches").get("session_id_to_watched_paths");
        assertThat(watches.get(Long.toString(zk.getSessionId())).toString()).contains("/watched");
        JsonNode byPath = command(server.adminPort(), "watches_by_path").get("path_to_session_ids");
        assertThat(byPath.get("/watched").get(0).asLong()).isEqualTo(zk.getSessionId());
    }

    @Test
    void sessionsConnectionsAndEphemeralsAreListed() throws Exception {
        zk.create("/eph", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        String sid = "0x" + Long.toHexString(zk.getSessionId());
        assertThat(fourLetter(server.port(), "cons")).contains("sid=" + sid).contains(",to=" + zk.getSessionTimeout() + ",");
        assertThat(fourLetter(server.port(), "stat")).startsWith("Zookeeper version: ").contains("Clients:\n /");
        String dump = fourLetter(server.port(), "dump");
        assertThat(dump).contains("SessionTracker dump:").contains("Sessions with Ephemerals (1):")
                .contains(sid + ":\n\t/eph");
        assertThat(Integer.parseInt(parseMntr(fourLetter(server.port(), "mntr")).get("zk_ephemerals_count")))
                .isEqualTo(1);

        JsonNode sessions = command(server.adminPort(), "sessions").get("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("id").asText()).isEqualTo(sid);
        assertThat(sessions.get(0).get("timeout").asInt()).isEqualTo(zk.getSessionTimeout());
        assertThat(sessions.get(0).get("ephemerals").toString()).contains("/eph");
        JsonNode conns = command(server.adminPort(), "connections").get("connections");
        assertThat(conns.get(0).get("session_id").asText()).isEqualTo(Long.toHexString(zk.getSessionId()));
        zk.delete("/eph", -1);
    }

    @Test
    void simpleWordsAndAdminCommandsAnswer() throws Exception {
        assertThat(fourLetter(server.port(), "ruok")).isEqualTo("imok");
        assertThat(fourLetter(server.port(), "isro")).isEqualTo("rw");
        assertThat(fourLetter(server.port(), "conf")).contains("clientPort=" + server.port() + "\n")
                .contains("tickTime=" + AdminEnsemble.TICK_TIME + "\n").contains("serverId=1\n");
        assertThat(fourLetter(server.port(), "envi")).startsWith("Environment:\n").contains("zookeeper.version=")
                .contains("java.version=");
        assertThat(fourLetter(server.port(), "crst")).isEqualTo("Connection stats reset.\n");
        assertThat(fourLetter(server.port(), "srst")).isEqualTo("Server stats reset.\n");
        assertThat(parseMntr(fourLetter(server.port(), "mntr")).get("zk_max_latency")).isEqualTo("0");

        assertThat(command(server.adminPort(), "ruok").get("error").isNull()).isTrue();
        assertThat(command(server.adminPort(), "leader").get("is_leader").asBoolean()).isFalse();
        assertThat(command(server.adminPort(), "configuration").get("client_port").asInt()).isEqualTo(server.port());
        assertThat(command(server.adminPort(), "environment").get("java.version").asText()).isNotEmpty();
        assertThat(AdminClient.get(server.adminPort(), "/commands/nope").statusCode()).isEqualTo(404);
        assertThat(AdminClient.get(server.adminPort(), "/faults").statusCode()).isEqualTo(409);
    }
}
