package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/** Add a 4th server and remove it again through reconfig while a client writes; unsafe removals are refused. */
class MembershipChangeTest extends RealClusterTest {


    @Test
    void addAndRemoveAServerWhileWritingAndRefuseLosingQuorum() throws Exception {
        startCluster(Engine.QUORUMLAB);
        String initialConnect = launcher.connectString();
        try (WriteLoad load = new WriteLoad(initialConnect, "/membership", 2)) {
            load.start();
            await().atMost(TIMEOUT).until(() -> load.ackCount() >= 20);

            MembershipChange added = launcher.addServer();
            System.out.printf("ADD server %d: config 0x%x, reconfig %d ms, total %d ms%n", added.serverId(),
                    added.configZxid(), added.reconfigMillis(), added.totalMillis());
            assertThat(added.serverId()).isEqualTo(4);
            assertThat(added.config()).contains("server.4=");
            assertThat(launcher.members()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(launcher.status()).filteredOn(NodeStatus::member).hasSize(4).allMatch(NodeStatus::serving);
            long afterAdd = load.ackCount();
            await().atMost(TIMEOUT).until(() -> load.ackCount() >= afterAdd + 20);
            assertDirectReadSeesConfig(4, "server.4=");

            MembershipChange removed = launcher.removeServer(4);
            System.out.printf("REMOVE server 4: config 0x%x, reconfig %d ms, total %d ms%n", removed.configZxid(),
                    removed.reconfigMillis(), removed.totalMillis());
            assertThat(removed.config()).doesNotContain("server.4=");
            assertThat(removed.configZxid()).isGreaterThan(added.configZxid());
            assertThat(launcher.members()).containsExactly(1L, 2L, 3L);
            assertThat(launcher.isRunning(4)).isFalse();
            long afterRemove = load.ackCount();
            await().atMost(TIMEOUT).until(() -> load.ackCount() >= afterRemove + 20);
            load.stop();
            load.verify(launcher.connectString());
        }

        long leader = await().atMost(TIMEOUT).until(() -> launcher.leader().orElse(-1L), l -> l > 0);
        long[] followers = launcher.members().stream().mapToLong(Long::longValue).filter(id -> id != leader).toArray();
        launcher.kill(followers[0]);
        assertThatThrownBy(() -> launcher.removeServer(followers[1]))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("cannot remove server " + followers[1])
                .hasMessageContaining("lose quorum")
                .hasMessageContaining("only 1 of the remaining 2 voters")
                .hasMessageContaining("2 needed");
        assertThat(launcher.members()).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> launcher.removeServer(9))
                .isInstanceOf(LauncherException.class).hasMessageContaining("not a member");
    }

    private void assertDirectReadSeesConfig(long id, String expected) throws Exception {
        ZooKeeper direct = ZooKeeperClients.connect("127.0.0.1:" + launcher.ports(id).client(), TIMEOUT);
        try {
            CountDownLatch synced = new CountDownLatch(1);
            direct.sync("/zookeeper/config", (rc, p, c) -> synced.countDown(), null);
            assertThat(synced.await(30, TimeUnit.SECONDS)).isTrue();
            String config = new String(direct.getConfig(false, new Stat()), StandardCharsets.UTF_8);
            assertThat(config).contains(expected);
            assertThat(direct.exists("/membership/reg0", false)).isNotNull();
        } finally {
            direct.close();
        }
    }
}
