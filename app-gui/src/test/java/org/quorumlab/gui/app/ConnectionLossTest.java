package org.quorumlab.gui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.tree.ZNodeModel;

/**
 * Stopping the only server shows the connection banner; once it is back the banner goes away and
 * the tree shows what changed while the console was cut off.
 */
class ConnectionLossTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void losingTheOnlyServerShowsTheBannerAndReconnectingReloadsTheTree() throws Exception {
        new TestServer().close(); // loads the engine classes up front, see TestServer
        Path data = dir.resolve("data");
        QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, data));
        int port = server.port();
        try (SerialExecutor ui = new SerialExecutor()) {
            create(server.port(), "/before");
            MainViewModel vm = new MainViewModel(ui, new ConnectionStore(dir.resolve("connections.json")));
            ui.onUi(() -> vm.connect(ConnectionSpec.parse("127.0.0.1:" + port)));
            await().atMost(WAIT).until(() -> ui.read(() -> rootNames(vm).contains("before")));
            assertThat(ui.read(() -> vm.bannerVisibleProperty().get())).isFalse();

            server.close();
            await().atMost(WAIT).until(() -> ui.read(() -> vm.bannerVisibleProperty().get()));
            assertThat(ui.read(() -> vm.bannerProperty().get())).isEqualTo("Connection lost — reconnecting…");
            assertThat(ui.read(() -> vm.stateProperty().get())).isEqualTo(ZkSession.State.RECONNECTING);

            // a change the console cannot see while it is cut off: the same data on another port
            QuorumLabServer elsewhere = QuorumLabServer.start(ServerConfig.standalone(0, data));
            create(elsewhere.port(), "/while-away");
            elsewhere.close();
            assertThat(ui.read(() -> rootNames(vm))).doesNotContain("while-away");

            server = QuorumLabServer.start(ServerConfig.standalone(port, data));
            await().atMost(WAIT).until(() -> ui.read(() -> !vm.bannerVisibleProperty().get()
                    && vm.stateProperty().get() == ZkSession.State.CONNECTED));
            await().atMost(WAIT).until(() -> ui.read(() -> rootNames(vm).contains("while-away")));
            assertThat(ui.read(() -> rootNames(vm))).contains("before");
            ui.read(() -> {
                vm.disconnect();
                return null;
            });
        } finally {
            server.close();
        }
    }

    private static List<String> rootNames(MainViewModel vm) {
        Workspace w = vm.workspaceProperty().get();
        return w == null ? List.of() : w.tree().root().children().stream().map(ZNodeModel::name).toList();
    }

    private static void create(int port, String path) throws Exception {
        ZooKeeper zk = ZooKeeperClients.connect("127.0.0.1:" + port, 30_000, Duration.ofSeconds(30));
        try {
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } finally {
            zk.close();
        }
    }
}
