package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.cli.NodeCommand;
import org.quorumlab.launcher.cli.StatusCommand;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/** An observer joins a running 3-node cluster by reconfig: it observes, serves, and leaves the quorum as it was. */
class ObserverTest extends RealClusterTest {

    @Test
    void anAddedObserverObservesServesWritesAndLeavesTheVotersUnchanged() throws Exception {
        startCluster(Engine.QUORUMLAB);
        try (WriteLoad load = new WriteLoad(launcher.connectString(), "/observed", 2)) {
            load.start();
            await().atMost(TIMEOUT).until(() -> load.ackCount() >= 20);

            MembershipChange added = launcher.addObserver();
            System.out.printf("ADD observer %d: config 0x%x, reconfig %d ms, total %d ms%n", added.serverId(),
                    added.configZxid(), added.reconfigMillis(), added.totalMillis());
            assertThat(added.kind()).isEqualTo(MembershipChange.Kind.OBSERVER_ADDED);
            assertThat(added.serverId()).isEqualTo(4);
            assertThat(added.config()).containsPattern("server\\.4=127\\.0\\.0\\.1:\\d+:\\d+:observer;");
            assertThat(launcher.members()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(launcher.voters()).containsExactly(1L, 2L, 3L);
            assertThat(launcher.observers()).containsExactly(4L);
            await().atMost(TIMEOUT).until(() -> launcher.status().stream()
                    .anyMatch(n -> n.id() == 4 && n.mode().equals("observer")));
            assertThat(launcher.status()).filteredOn(n -> n.id() != 4).extracting(NodeStatus::mode)
                    .containsOnly("leader", "follower");

            long afterAdd = load.ackCount();
            await().atMost(TIMEOUT).until(() -> load.ackCount() >= afterAdd + 20);
            String config = writeAndReadThrough(4);
            assertThat(config.lines().filter(l -> l.startsWith("server.") && l.contains(":participant;")))
                    .hasSize(3);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(StatusCommand.run(new String[] {"--dir", dir.toString()}, new PrintStream(out, true),
                    System.err)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^4 .* observer +\\d+ .* observer$");

            // with two of three voters down there is no quorum to commit an observer either
            long leader = launcher.leader().orElseThrow();
            long[] followers = launcher.voters().stream().mapToLong(Long::longValue).filter(i -> i != leader).toArray();
            load.stop();
            load.verify(launcher.connectString());
            launcher.kill(followers[0]);
            launcher.kill(followers[1]);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(NodeCommand.run(new String[] {"add", "--observer", "--dir", dir.toString()},
                    new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true))).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot add observer 5").contains("no quorum")
                    .contains("only 1 of 3 voters are up, 2 needed");
            assertThat(launcher.observers()).containsExactly(4L);
        }
    }

    /** Creates a node through the observer (it forwards the write), reads it back there; returns its config. */
    private String writeAndReadThrough(long id) throws Exception {
        ZooKeeper direct = ZooKeeperClients.connect("127.0.0.1:" + launcher.ports(id).client(), TIMEOUT);
        try {
            direct.create("/via-observer", "o".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            assertThat(direct.getData("/via-observer", false, null)).isEqualTo("o".getBytes(StandardCharsets.UTF_8));
            CountDownLatch synced = new CountDownLatch(1);
            direct.sync("/zookeeper/config", (rc, p, c) -> synced.countDown(), null);
            assertThat(synced.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(direct.exists("/observed/reg0", false)).isNotNull();
            return new String(direct.getConfig(false, new Stat()), StandardCharsets.UTF_8);
        } finally {
            direct.close();
        }
    }
}
