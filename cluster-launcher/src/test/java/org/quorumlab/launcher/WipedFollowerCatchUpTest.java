package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.cli.StatusCommand;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/** A stopped follower whose data directory is wiped catches up from the leader when restarted. */
class WipedFollowerCatchUpTest extends RealClusterTest {

    static final int ZNODES = 50;

    @Test
    void wipedFollowerCatchesUp() throws Exception {
        startCluster(Engine.QUORUMLAB);
        long leader = await().atMost(TIMEOUT).until(() -> launcher.leader().orElse(-1L), l -> l > 0);
        long follower = launcher.members().stream().filter(id -> id != leader).findFirst().orElseThrow();
        // The writer avoids the follower that will be stopped, so its writes need no retry for that.
        String others = String.join(",", launcher.members().stream().filter(id -> id != follower)
                .map(id -> "127.0.0.1:" + launcher.ports(id).client()).toList());
        ZooKeeper zk = ZooKeeperClients.connect(others, TIMEOUT);
        try {
            create(zk, "/wipe", "");
            for (int i = 0; i < ZNODES; i++) {
                create(zk, "/wipe/before-" + i, "b" + i);
            }

            assertThat(launcher.stop(follower)).isTrue();
            launcher.wipeData(follower);
            assertThat(Files.exists(dir.resolve("node" + follower).resolve("data"))).isFalse();
            for (int i = 0; i < ZNODES; i++) {
                create(zk, "/wipe/after-" + i, "a" + i);
            }
            await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(KeeperException.ConnectionLossException.class)
                    .until(() -> zk.setData("/wipe/before-0", "changed".getBytes(StandardCharsets.UTF_8), -1) != null);

            assertThat(launcher.start(follower)).isTrue();
            launcher.awaitServing(follower, TIMEOUT);

            ZooKeeper direct = ZooKeeperClients.connect("127.0.0.1:" + launcher.ports(follower).client(), TIMEOUT);
            try {
                CountDownLatch synced = new CountDownLatch(1);
                direct.sync("/wipe", (rc, p, c) -> synced.countDown(), null);
                assertThat(synced.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(direct.getChildren("/wipe", false)).hasSize(2 * ZNODES);
                for (int i = 1; i < ZNODES; i++) {
                    assertThat(new String(direct.getData("/wipe/before-" + i, false, null), StandardCharsets.UTF_8))
                            .isEqualTo("b" + i);
                    assertThat(new String(direct.getData("/wipe/after-" + i, false, null), StandardCharsets.UTF_8))
                            .isEqualTo("a" + i);
                }
                assertThat(new String(direct.getData("/wipe/before-0", false, null), StandardCharsets.UTF_8))
                        .isEqualTo("changed");
            } finally {
                direct.close();
            }
        } finally {
            zk.close();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StatusCommand.run(new String[] {"--dir", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(rc).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("leader").contains("follower")
                .contains("connect: " + launcher.connectString());
    }

    /** Creates {@code path}, retrying on connection loss (a retried create that had applied finds it present). */
    private static void create(ZooKeeper zk, String path, String data) {
        await().atMost(TIMEOUT).ignoreExceptionsInstanceOf(KeeperException.ConnectionLossException.class).until(() -> {
            try {
                zk.create(path, data.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // an earlier attempt applied
            }
            return true;
        });
    }
}
