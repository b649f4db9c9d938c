package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorumlab.engine.admin.AdminClient.fourLetter;
import static org.quorumlab.engine.admin.AdminClient.parseMntr;
import static org.quorumlab.engine.admin.AdminClient.parseSrvr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same {@code mntr}/{@code srvr} parser applied to real Apache ZooKeeper 3.9.3 and to
 * QuorumLab after the same operations: the keys monitoring tools rely on exist in both, with
 * values of the same shape, and tree-derived values agree.
 */
class ZooKeeperFormatTest {

    private static final List<String> MNTR_KEYS = List.of("zk_version", "zk_server_state", "zk_avg_latency",
            "zk_max_latency", "zk_min_latency", "zk_packets_received", "zk_packets_sent", "zk_num_alive_connections",
            "zk_outstanding_requests", "zk_znode_count", "zk_watch_count", "zk_ephemerals_count",
            "zk_approximate_data_size", "zk_global_sessions", "zk_uptime");
    private static final List<String> NUMERIC = List.of("zk_avg_latency", "zk_max_latency", "zk_min_latency",
            "zk_packets_received", "zk_packets_sent", "zk_num_alive_connections", "zk_outstanding_requests",
            "zk_znode_count", "zk_watch_count", "zk_ephemerals_count", "zk_approximate_data_size",
            "zk_global_sessions", "zk_uptime");

    @TempDir
    Path dir;

    /** Without its jars the comparison cannot run: that must fail the build, not skip the test. */
    @Test
    void theRealServersJarsComeFromTheTestClassPathAndAMissingOneFails() {
        assertThat(EmbeddedZooKeeper.SERVER_JARS.stream().map(EmbeddedZooKeeper::jarOf).distinct())
                .as("one jar per class").hasSize(EmbeddedZooKeeper.SERVER_JARS.size())
                .allSatisfy(url -> assertThat(url.getPath()).endsWith(".jar"));
        assertThatThrownBy(() -> EmbeddedZooKeeper.jarOf("com.codahale.metrics.NoSuchRegistry"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the real ZooKeeper server needs com.codahale.metrics.NoSuchRegistry");
    }

    @Test
    void mntrAndSrvrParseTheSameOnRealZooKeeperAndQuorumLab() throws Exception {
        Map<String, String> zkMntr;
        Map<String, String> zkSrvr;
        String zkStat;
        try (EmbeddedZooKeeper real = EmbeddedZooKeeper.start(dir.resolve("zk"))) {
            ZooKeeper zk = exercise("127.0.0.1:" + real.port());
            zkMntr = parseMntr(fourLetter(real.port(), "mntr"));
            zkSrvr = parseSrvr(fourLetter(real.port(), "srvr"));
            zkStat = fourLetter(real.port(), "stat");
            zk.close();
        }
        Map<String, String> qlMntr;
        Map<String, String> qlSrvr;
        String qlStat;
        try (AdminEnsemble ql = new AdminEnsemble(dir.resolve("ql"), 1).startAll()) {
            int port = ql.server(1).port();
            ZooKeeper zk = exercise("127.0.0.1:" + port);
            qlMntr = parseMntr(fourLetter(port, "mntr"));
            qlSrvr = parseSrvr(fourLetter(port, "srvr"));
            qlStat = fourLetter(port, "stat");
            zk.close();
        }
        for (Map<String, String> mntr : List.of(zkMntr, qlMntr)) {
            assertThat(mntr).containsKeys(MNTR_KEYS.toArray(String[]::new));
            NUMERIC.forEach(k -> assertThat(Double.parseDouble(mntr.get(k))).as(k).isGreaterThanOrEqualTo(0));
            assertThat(mntr.get("zk_server_state")).isEqualTo("standalone");
            assertThat(mntr.get("zk_version")).startsWith("3.9.3");
        }
        // Same operations, same tree: counts derived from it agree. ZooKeeper's DataTree keeps the root under
        // both "" and "/", so its node count is one higher for the same tree.
        for (String k : List.of("zk_ephemerals_count", "zk_watch_count", "zk_global_sessions")) {
            assertThat(qlMntr.get(k)).as(k).isEqualTo(zkMntr.get(k));
        }
        assertThat(Integer.parseInt(qlMntr.get("zk_znode_count")))
                .isEqualTo(Integer.parseInt(zkMntr.get("zk_znode_count")) - 1);
        assertThat(qlSrvr.keySet()).containsAll(zkSrvr.keySet());
        for (Map<String, String> srvr : List.of(zkSrvr, qlSrvr)) {
            assertThat(srvr.get("Latency min/avg/max")).matches("\\d+/\\d+(\\.\\d+)?/\\d+");
            assertThat(srvr.get("Zxid")).matches("0x[0-9a-f]+");
            assertThat(srvr.get("Mode")).isEqualTo("standalone");
            assertThat(Integer.parseInt(srvr.get("Node count"))).isGreaterThan(10);
        }
        assertThat(Integer.parseInt(qlSrvr.get("Node count"))).isEqualTo(Integer.parseInt(zkSrvr.get("Node count")) - 1);
        for (String stat : List.of(zkStat, qlStat)) {
            assertThat(stat).startsWith("Zookeeper version: ").contains("\nClients:\n /127.0.0.1:");
        }
    }

    /** Ten persistent nodes, one ephemeral, one data watch; the session stays open while we read. */
    private static ZooKeeper exercise(String connect) throws Exception {
        ZooKeeper zk = AdminEnsemble.connect(connect);
        zk.create("/fmt", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < 9; i++) {
            zk.create("/fmt/n" + i, new byte[] {1, 2, 3}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        zk.create("/fmt/e", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.getData("/fmt/n0", e -> { }, null);
        return zk;
    }
}
