package org.quorumlab.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.NodeStatus;

/**
 * The Cluster tab's "Restart cluster" action, without a screen, on a real 3-node cluster of
 * processes the console launched: after kill -9 of every node it starts them all again.
 */
class RestartClusterViewModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void restartClusterBringsBackACrashedClusterAndIsOnlyOfferedForALaunchedOne() throws Exception {
        try (SerialExecutor executor = new SerialExecutor();
                ClusterLauncher launcher = ClusterLauncher.launch(dir, 3, Engine.QUORUMLAB, 0)) {
            launcher.awaitQuorum(TIMEOUT);
            ClusterActionsViewModel actions = new ClusterActionsViewModel(new LauncherControl(launcher),
                    new AdminFaults(new AdminClient(AdminCredentials.of(launcher)), List::of), executor);
            assertThat(executor.read(() -> actions.canRestartClusterProperty().get())).isTrue();
            for (long id : launcher.members()) {
                assertThat(launcher.kill(id)).isTrue();
            }

            executor.onUi(actions::restartCluster);
            await().atMost(TIMEOUT).until(() -> executor.read(() -> !actions.busyProperty().get()
                    && actions.messageProperty().get().startsWith("cluster restarted")));
            String message = executor.read(() -> actions.messageProperty().get());
            assertThat(message).matches("cluster restarted: nodes \\[1, 2, 3\\] serving after \\d+ ms, leader [123]");
            // restartCluster returns once a quorum serves; the third node may still be syncing.
            assertThat(launcher.status().stream().filter(NodeStatus::serving).count()).isGreaterThanOrEqualTo(2);
            await().atMost(TIMEOUT).until(() -> launcher.status().stream().allMatch(NodeStatus::serving));
            assertThat(executor.read(() -> actions.canRestartClusterProperty().get())).isTrue();
        }

        try (SerialExecutor executor = new SerialExecutor()) {
            ClusterActionsViewModel external = new ClusterActionsViewModel(null,
                    new AdminFaults(new AdminClient(AdminCredentials.none()), List::of), executor);
            assertThat(executor.read(() -> external.canRestartClusterProperty().get())).isFalse();
            executor.onUi(external::restartCluster);
            assertThat(executor.read(() -> external.messageProperty().get()))
                    .isEqualTo("restart cluster refused: this ensemble is external (observe only)");
        }
    }

    @Test
    void everyRestartTextHasAChineseTranslation() {
        ResourceBundle en = ResourceBundle.getBundle(ClusterActionsViewModel.BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle zh = ResourceBundle.getBundle(ClusterActionsViewModel.BUNDLE, Locale.CHINESE);
        for (String key : en.keySet()) {
            assertThat(zh.getString(key)).as(key).isNotBlank().isNotEqualTo(en.getString(key));
        }
    }
}
