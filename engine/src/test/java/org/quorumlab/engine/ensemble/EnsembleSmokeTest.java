package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnsembleSmokeTest {

    @TempDir
    Path dir;

    @Test
    void threeNodesElectALeaderAndReplicateWrites() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            ZooKeeper zk = new ZooKeeper(e.connectString(), 10000, ev -> { });
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                zk.create("/x", "v1".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                return true;
            });
            for (long id = 1; id <= 3; id++) {
                ZooKeeper direct = new ZooKeeper("127.0.0.1:" + e.configs.get(id).clientPort(), 10000, ev -> { });
                direct.sync("/x", (rc, p, c) -> { }, null);
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> new String(direct.getData("/x", false, null)).equals("v1"));
                direct.close();
            }
            e.stop(leader);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0 && e.leaderId() != leader);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                zk.setData("/x", "v2".getBytes(), -1);
                return true;
            });
            assertThat(new String(zk.getData("/x", false, null))).isEqualTo("v2");
            zk.close();
        }
    }
}
