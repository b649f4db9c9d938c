package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.cluster.ClusterContext;
import org.quorumlab.gui.cluster.TestEnsemble;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Teaching tab in a headless scene on a real paused ensemble: a held message is a dot; clicking it drops it. */
@ExtendWith(ApplicationExtension.class)
class TeachingTabFxTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aHeldMessageIsDrawnAsADotAndClickingItDropsIt(FxRobot robot) throws Exception {
        try (TestEnsemble e = new TestEnsemble(dir, 3).startAll(); FxTaskExecutor executor = new FxTaskExecutor(2)) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            TeachingTab tab = fx(() -> {
                TeachingTab t = TeachingTab.live(new ClusterContext(e::adminEndpoints, e.adminCredentials(), null,
                        e.connectString(), executor));
                stage.setScene(new Scene(t.root(), 1100, 760));
                stage.show();
                t.start();
                return t;
            });
            TeachingViewModel vm = tab.viewModel();
            try (ZooKeeper zk = LiveCluster.connect(e.connectString())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> vm.replay().state().nodes().size() == 3
                        && vm.replay().state().leaderId() == e.leaderId()));
                fx(() -> {
                    vm.pause();
                    return null;
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> vm.replay().state().nodes().values()
                        .stream().allMatch(NodeState::paused)));

                LiveCluster.create(zk, "/held");
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> !vm.replay().state().held().isEmpty()));
                HeldMessage held = fx(() -> vm.replay().state().held().values().iterator().next());
                TeachingDiagram diagram = robot.lookup(".teaching-diagram").queryAs(TeachingDiagram.class);
                await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> diagram.dotCenter(held.key()).isPresent()));
                Point2D onScreen = fx(() -> diagram.localToScreen(diagram.dotCenter(held.key()).orElseThrow()));

                robot.clickOn(onScreen);

                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() ->
                        !vm.replay().state().held().containsKey(held.key())));
                assertThat(fx(() -> vm.statusProperty().get())).isEqualTo("dropped " + held.describe());
                String endpoint = e.adminEndpoints().get((int) held.from() - 1);
                try (var client = new org.quorumlab.gui.admin.AdminClient(e.adminCredentials())) {
                    assertThat(client.teaching(endpoint).path("held").findValuesAsText("id"))
                            .doesNotContain(Long.toString(held.id()));
                }
                assertThat(fx(() -> diagram.dotCenter(held.key()).isPresent())).isFalse();
            } finally {
                fx(() -> {
                    vm.resume();
                    return null;
                });
                tab.close();
            }
        }
    }
}
