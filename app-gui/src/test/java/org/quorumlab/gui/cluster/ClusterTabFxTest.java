package org.quorumlab.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cluster tab in a real (headless Monocle) scene on a real 3-node cluster of processes: it shows the
 * leader the nodes report, kills it with kill -9 from its own button and follows the election that follows;
 * for an external ensemble it only observes.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterTabFxTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static ClusterLauncher launcher;

    private Stage stage;
    private FxTaskExecutor executor;
    private ClusterTab.Built built;

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    static void startCluster() {
        launcher = ClusterLauncher.launch(dir, 3, Engine.QUORUMLAB, 0);
        launcher.awaitQuorum(TIMEOUT);
    }

    @AfterAll
    static void stopCluster() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (built != null) {
            built.monitor().close();
            built.client().close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void killingTheLeaderFromItsButtonShowsTheElectedSuccessor(FxRobot robot) throws Exception {
        show(robot, launcher);
        long oldLeader = awaitSummaryShowsTheRealLeader(robot);
        assertThat(shown(robot.lookup("Kill -9").query())).as("a launched cluster is managed").isTrue();

        robot.clickOn(cellCenter(robot, oldLeader));
        await("the leader selected").atMost(TIMEOUT).untilAsserted(() -> assertThat(fx(() ->
                built.vm().cluster().selectedProperty().get() == null ? -1 : built.vm().cluster().selectedProperty()
                        .get().id())).isEqualTo(oldLeader));
        Button kill = robot.lookup("Kill -9").queryButton();
        await("Kill -9 enabled").atMost(TIMEOUT).until(() -> !fx(kill::isDisabled));
        robot.clickOn(kill);

        Label message = robot.lookup("#actionMessage").queryAs(Label.class);
        await("kill -9 reported").atMost(TIMEOUT).untilAsserted(() -> assertThat(fx(message::getText))
                .isEqualTo("node " + oldLeader + " killed (SIGKILL)"));
        assertThat(launcher.isRunning(oldLeader)).as("the leader's process is gone").isFalse();

        long newLeader = awaitSummaryShowsTheRealLeader(robot);
        assertThat(newLeader).isNotEqualTo(oldLeader);
        await("the killed node shown down").atMost(TIMEOUT).untilAsserted(() -> assertThat(fx(() ->
                listText(robot, oldLeader))).startsWith("node " + oldLeader + "  down"));
        var elections = robot.lookup("#electionTable").<ElectionEntry>queryTableView().getItems();
        await("the election in the timeline").atMost(TIMEOUT).until(() -> fx(() -> elections.stream()
                .anyMatch(e -> e.winner() == newLeader && e.previousLeader() == oldLeader)));
    }

    @Test
    void anExternalEnsembleIsObservedNotManaged(FxRobot robot) throws Exception {
        show(robot, null);
        awaitSummaryShowsTheRealLeader(robot);
        assertThat(shown(robot.lookup("Kill -9").query())).as("node buttons of an external ensemble").isFalse();
        assertThat(shown(robot.lookup("Heal").query())).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** The cluster tab for the launcher's cluster, managed through {@code control} or (null) observed only. */
    private void show(FxRobot robot, ClusterLauncher control) throws Exception {
        executor = new FxTaskExecutor(2);
        // the cluster's token either way: observing reads, and Heal (a change) must be able to act
        ClusterContext context = new ClusterContext(ClusterTabFxTest::adminEndpoints, AdminCredentials.of(launcher),
                control, launcher.connectString(), executor);
        // the first scene of a fresh JVM loads and styles every control class on the FX thread: on a busy
        // 2-core box that alone has taken more than 10 s
        WaitForAsyncUtils.asyncFx(() -> {
            built = ClusterTab.build(context);
            stage.setScene(new Scene(built.root(), 1100, 760));
            stage.show();
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As the console derives them from its launcher. */
    private static List<String> adminEndpoints() {
        return launcher.members().stream().map(id -> "127.0.0.1:" + launcher.ports(id).admin()).toList();
    }

    /** Waits until the tab names the leader the nodes themselves report ({@code srvr}), and returns it. */
    private static long awaitSummaryShowsTheRealLeader(FxRobot robot) {
        Label summary = robot.lookup("#clusterSummary").queryAs(Label.class);
        long[] leader = {-1};
        await("the tab shows the cluster's leader").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            leader[0] = launcher.leader().orElse(-1L);
            return leader[0] > 0 && fx(summary::getText).equals("3 nodes, leader " + leader[0]);
        });
        return leader[0];
    }

    /**
     * Where node {@code id}'s row of the node list is on screen. The list recreates its cells whenever the
     * cluster changes (several times a second while events stream), so a cell looked up now may be detached
     * by the time the robot clicks it; its row stays where it is, so the point is taken on the FX thread.
     */
    private static Point2D cellCenter(FxRobot robot, long id) throws Exception {
        Point2D[] at = {null};
        // the list may be between two rebuilds (no cell for the node at this instant): wait for its row
        await("node " + id + "'s row in the node list").atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    at[0] = fx(() -> {
                        ListView<?> list = robot.lookup("#nodeList").queryAs(ListView.class);
                        return robot.from(list).lookup(".list-cell").<ListCell<?>>match(c -> c.getText() != null
                                && c.getText().startsWith("node " + id + " ")).tryQuery().map(n -> {
                                    Bounds b = n.localToScreen(n.getBoundsInLocal());
                                    return new Point2D(b.getCenterX(), b.getCenterY());
                                }).orElse(null);
                    });
                    return at[0] != null;
                });
        return at[0];
    }

    private static String listText(FxRobot robot, long id) {
        ListView<?> list = robot.lookup("#nodeList").queryAs(ListView.class);
        return robot.from(list).lookup(".list-cell").<ListCell<?>>match(c -> c.getText() != null
                && c.getText().startsWith("node " + id + " ")).tryQuery().map(c -> ((ListCell<?>) c).getText())
                .orElse("");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
