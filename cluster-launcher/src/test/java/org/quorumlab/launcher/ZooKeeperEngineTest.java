package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/** {@code --engine zookeeper}: three real Apache ZooKeeper 3.9.3 nodes, a write, and a reconfig add/remove. */
class ZooKeeperEngineTest extends RealClusterTest {


    @Test
    void realZooKeeperEnsembleServesWritesAndReconfigures() throws Exception {
        startCluster(Engine.ZOOKEEPER);
        assertThat(launcher.status()).filteredOn(n -> n.mode().equals("leader")).hasSize(1);
        assertThat(dir.resolve("node1").resolve("data").resolve("myid")).hasContent("1");

        ZooKeeper zk = ZooKeeperClients.connect(launcher.connectString(), TIMEOUT);
        try {
            zk.create("/zk-engine", "hello".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            assertThat(new String(zk.getData("/zk-engine", false, null), StandardCharsets.UTF_8)).isEqualTo("hello");
        } finally {
            zk.close();
        }

        MembershipChange added = launcher.addServer();
        System.out.printf("ZK ADD server %d: config 0x%x, reconfig %d ms, total %d ms%n", added.serverId(),
                added.configZxid(), added.reconfigMillis(), added.totalMillis());
        assertThat(launcher.members()).containsExactly(1L, 2L, 3L, 4L);
        MembershipChange removed = launcher.removeServer(added.serverId());
        assertThat(removed.config()).doesNotContain("server.4=");
        assertThat(launcher.members()).containsExactly(1L, 2L, 3L);
        await().atMost(TIMEOUT).until(() -> launcher.leader().isPresent());

        MembershipChange observer = launcher.addObserver();
        assertThat(observer.config()).containsPattern("server\\.5=127\\.0\\.0\\.1:\\d+:\\d+:observer;");
        assertThat(launcher.voters()).containsExactly(1L, 2L, 3L);
        await().atMost(TIMEOUT).until(() -> launcher.status().stream()
                .anyMatch(n -> n.id() == 5 && n.mode().equals("observer")));
        launcher.removeServer(5);
        assertThat(launcher.members()).containsExactly(1L, 2L, 3L);
        assertThat(launcher.observers()).isEmpty();
    }
}
