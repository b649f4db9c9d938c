package org.quorumlab.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The cluster tab in a real (headless Monocle) scene: renders nodes and follows a leader change. */
@ExtendWith(ApplicationExtension.class)
class ClusterTabFxTest {

    private ClusterTab.Built built;

    @Start
    void start(Stage stage) {
        built = ClusterTab.build(new ClusterContext(List::of, AdminCredentials.none(), null, "", new FxTaskExecutor(2)));
        stage.setScene(new Scene(built.root(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        built.monitor().close();
        built.client().close();
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rendersNodesAndReactsToALeaderChange(FxRobot robot) throws Exception {
        long t0 = System.currentTimeMillis();
        var events = Events.electionAfterLeader3Dies(t0);
        WaitForAsyncUtils.asyncFx(() -> built.vm().onEvents(events.subList(0, 2))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Label summary = robot.lookup("#clusterSummary").queryAs(Label.class);
        ListView<?> nodes = robot.lookup("#nodeList").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> "3 nodes, leader 3".equals(summary.getText()));
        assertThat(nodes.getItems()).hasSize(3);
        assertThat(robot.lookup(".cluster-diagram").tryQuery()).isPresent();
        assertThat(shown(robot.lookup("Kill -9").query())).isFalse(); // external ensemble: observe only
        assertThat(shown(robot.lookup("Heal").query())).isTrue();

        WaitForAsyncUtils.asyncFx(() -> built.vm().onEvents(events.subList(2, events.size()))).get(10,
                TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> "3 nodes, leader 2".equals(summary.getText()));
        assertThat(robot.lookup("#electionTable").queryTableView().getItems()).hasSize(1);
    }
}
