package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.net.ClientServer;
import org.quorumlab.engine.server.PipelineClock;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.InMemoryStorage;
import org.quorumlab.engine.tree.DataTree;

/**
 * The client port is bound before the server recovers: a client reconnecting to a restarting
 * server gets a TCP connection that waits (the official 3.9 client counts that as hearing from a
 * server, a refusal it does not) and is answered once the pipeline is open.
 */
class ClientPortBeforeRecoveryTest {

    @Test
    void connectionsMadeBeforeRecoveryWaitAndAreServedOnceTheServerOpens() throws Exception {
        ServerConfig config = new ServerConfigBuilder().tickTime(200).build();
        try (ClientServer port = new ClientServer("127.0.0.1", 0, config.juteMaxBuffer(), 0,
                config.globalOutstandingLimit(), config.outstandingLimitPerConnection(), null)) {
            try (Socket early = new Socket()) {
                early.connect(new InetSocketAddress("127.0.0.1", port.port()), 5_000);
                assertThat(early.isConnected()).as("TCP connect accepted before the server opens").isTrue();
            }
            assertThat(port.connectionCount()).as("nothing accepted into the server yet").isZero();

            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper zk = new ZooKeeper("127.0.0.1:" + port.port(), 4_000, e -> {
                if (e.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertThat(port.isOpen()).isFalse();
                GroupCommitLog log = new GroupCommitLog(new InMemoryStorage().txnLog());
                DataTree tree = new DataTree();
                ServerStats stats = new ServerStats();
                try (RequestPipeline pipeline = new RequestPipeline(config, tree,
                        new StandaloneReplicator(log, tree.lastProcessedZxid()), PipelineClock.SYSTEM, stats, t -> { })) {
                    pipeline.start();
                    port.open(pipeline, command -> "", stats);
                    assertThat(connected.await(30, TimeUnit.SECONDS)).as("waiting client answered").isTrue();
                    zk.create("/served", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    assertThat(zk.exists("/served", false)).isNotNull();
                    zk.close();
                } finally {
                    log.flushAndClose();
                }
            } finally {
                zk.close();
            }
        }
    }
}
