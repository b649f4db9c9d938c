package org.quorumlab.gui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.connect.ConnectionDialogViewModel;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/**
 * The connection dialog's cluster directory: the console attaches to that launcher cluster and
 * reaches its admin API with the token from the directory's {@code admin.token}; a directory
 * without one is refused in the dialog, and the field is saved with the connection.
 */
class ConnectToClusterDirTest {

    @TempDir
    Path dir;

    @Test
    void connectingWithAClusterDirectoryUsesThatClustersAdminEndpointsAndToken() throws Exception {
        Path clusterDir = dir.resolve("cluster");
        ClusterLauncher.open(clusterDir, 3, Engine.QUORUMLAB, 0).close(); // configured, nothing started
        String token = Files.readString(clusterDir.resolve("admin.token")).strip();
        try (TestServer server = new TestServer(); SerialExecutor ui = new SerialExecutor()) {
            MainViewModel vm = new MainViewModel(ui, new ConnectionStore(dir.resolve("connections.json")));
            assertThat(vm.adminCredentials().token()).isEmpty();
            ConnectionSpec spec = new ConnectionSpec("workshop", server.connectString(), "", "",
                    ConnectionSpec.DEFAULT_TIMEOUT_MS, clusterDir.toString());
            ui.onUi(() -> vm.connect(spec));
            await().atMost(Duration.ofSeconds(60)).until(() -> ui.read(() -> vm.workspaceProperty().get() != null));

            assertThat(vm.launcher().dir()).isEqualTo(clusterDir);
            assertThat(vm.adminCredentials().token()).hasValue(token);
            assertThat(vm.adminEndpoints().get()).hasSize(3).allMatch(e -> e.matches("127\\.0\\.0\\.1:\\d+"));
            ui.onUi(vm::disconnect);
        }
    }

    @Test
    void theDialogRefusesADirectoryWithoutATokenAndSavesTheField() {
        ConnectionStore store = new ConnectionStore(dir.resolve("connections.json"));
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel(store, TaskExecutor.synchronous());
        vm.connectStringProperty().set("127.0.0.1:2181");
        vm.clusterDirProperty().set(dir.resolve("nothing-here").toString());
        assertThat(vm.validate()).contains("no QuorumLab cluster admin token in " + dir.resolve("nothing-here"));

        Path clusterDir = dir.resolve("cluster");
        ClusterLauncher.open(clusterDir, 3, Engine.QUORUMLAB, 0).close();
        vm.clusterDirProperty().set(clusterDir.toString());
        assertThat(vm.validate()).isNull();
        vm.saveCurrent();
        assertThat(new ConnectionDialogViewModel(store, TaskExecutor.synchronous()).saved())
                .extracting(ConnectionSpec::clusterDir).containsExactly(clusterDir.toString());
    }
}
