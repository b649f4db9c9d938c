package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;

class SmokeTest {

    @TempDir
    Path dir;

    @Test
    void basicOperationsAndRestart() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir))) {
            ZooKeeper zk = ConnectedClients.connect("127.0.0.1:" + server.port(), 10000);
            zk.create("/a", "hello".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat stat = new Stat();
            assertThat(new String(zk.getData("/a", false, stat))).isEqualTo("hello");
            assertThat(stat.getVersion()).isZero();
            zk.setData("/a", "world".getBytes(), 0);
            assertThat(zk.getChildren("/", false)).contains("a", "zookeeper");
            zk.close();
        }
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir))) {
            ZooKeeper zk = new ZooKeeper("127.0.0.1:" + server.port(), 10000, e -> { });
            Stat stat = new Stat();
            assertThat(new String(zk.getData("/a", false, stat))).isEqualTo("world");
            assertThat(stat.getVersion()).isEqualTo(1);
            zk.close();
        }
    }
}
