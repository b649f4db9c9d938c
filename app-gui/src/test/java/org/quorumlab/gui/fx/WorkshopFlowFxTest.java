package org.quorumlab.gui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.app.MainViewModel;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.lessons.Lesson;
import org.quorumlab.gui.lessons.LessonSettings;
import org.quorumlab.gui.teaching.MessageKey;
import org.quorumlab.gui.teaching.TeachingDiagram;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.NodeStatus;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workshop flow on one screen (issue 8's "done when"): lesson 3 on the real lesson cluster (node
 * processes in a temp dir), run from the Lessons tab up to the leader's crash and the pause; the
 * lesson view's own diagram shows the held messages, and its Step button delivers one.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class WorkshopFlowFxTest extends ApplicationTest {

    private static final String LESSON = "03-leader-crash-and-recovery";
    /** startCluster, waitForLeader, write, slowMotion 30x, killLeader, pause. */
    private static final int STEPS_TO_PAUSE = 6;

    /** Kept when the test fails: the lesson cluster's node logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    MainViewModel vm;
    private ZooKeeper audience;

    @Override
    public void start(Stage stage) throws Exception {
        // the real 30x of the lesson (not the CI cap of 3x)
        LessonSettings settings = new LessonSettings(dir.resolve("lesson-cluster"), LessonSettings.MAX_FACTOR,
                Duration.ofSeconds(60), Duration.ofMillis(10));
        vm = FxFixture.show(stage, Theme.LIGHT, 1260, 780, settings);
    }

    @AfterEach
    void closeTheLessonCluster() throws Exception {
        interact(() -> {
            vm.disconnect();
            vm.shutdown();
        });
        if (audience != null) {
            // closing waits for the session's close to be answered or the connection to fail; the
            // cluster is gone, so let it fail in the background instead of holding up the next test
            ZooKeeper client = audience;
            Thread closer = new Thread(() -> {
                try {
                    client.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "audience-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    @Test
    void lessonThreeIsSteppedThroughTheLeaderCrashOnTheLessonsScreen() throws Exception {
        clickOn(lookup(".tab-pane > .tab-header-area .tab .tab-label")
                .match(l -> "Lessons".equals(((Labeled) l).getText())).<Labeled>query());
        ListView<Lesson> list = lookup("#lessonList").query();
        FxFixture.await("the lessons", () -> list.getItems().size() == 6);
        interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(l -> l.id().equals(LESSON)).findFirst().orElseThrow()));
        Label progress = lookup("#lessonProgress").query();
        Label outcome = lookup("#lessonOutcome").query();
        Button stepMessage = lookup("#stepMessageButton").query();
        FxFixture.await("lesson 3 opened", () -> progress.getText().equals("step 1 of 12"));
        assertThat(stepMessage.isVisible()).as("no Step button before the cluster is paused").isFalse();

        for (int step = 1; step <= STEPS_TO_PAUSE; step++) {
            if (step > 1) {
                clickOn("#nextStepButton");
            }
            String shown = "step " + step + " of 12";
            FxFixture.await(shown, () -> progress.getText().equals(shown));
            if (step == STEPS_TO_PAUSE) {
                awaitTheSurvivorsServing();
            }
            clickOn("#runStepButton");
            FxFixture.await("outcome of " + shown, () -> outcome.getStyleClass().stream()
                    .anyMatch(c -> c.startsWith("outcome-")) && !lookup("#runStepButton").<Button>query().isDisabled());
            assertThat(outcome.getStyleClass()).as(shown + ": " + outcome.getText()).contains("outcome-succeeded");
        }
        assertThat(outcome.getText()).as("the survivors").startsWith("paused 2 nodes");
        Node live = lookup("#lessonLiveView").query();
        // A paused cluster that serves sends no pings: a write from an audience member gives it
        // messages to hold (queued by the client until a serving node answers, then held as
        // REQUEST/PROPOSAL).
        audience = new ZooKeeper(vm.launcher().connectString(), 30_000, e -> { });
        audience.create("/audience", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                (rc, path, ctx, name) -> { }, null);

        FxFixture.await("held message dots in the lesson view's diagram", () -> !drawn(live).isEmpty(),
                () -> whatTheNodesHold(live));
        FxFixture.await("the Step button next to Run step", stepMessage::isVisible);
        Label held = from(live).lookup("#heldCount").query();
        FxFixture.await("the held count shows what the diagram holds", () -> !drawn(live).isEmpty()
                && held.getText().equals(heldText(drawn(live).size())), () -> whatTheNodesHold(live));
        Set<MessageKey> before = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new HashSet<>(drawn(live))));
        snapIfAsked("lessons.png");

        clickOn(stepMessage);

        FxFixture.await("a held message delivered", () -> !new HashSet<>(drawn(live)).containsAll(before),
                () -> whatTheNodesHold(live));
        Label status = from(live).lookup(".teaching-status").query();
        FxFixture.await("the release reported", () -> status.getText().startsWith("released "));
        FxFixture.await("the held count shows what the diagram holds after the step",
                () -> held.getText().equals(heldText(drawn(live).size())), () -> whatTheNodesHold(live));
    }

    /** For a failure: what each node's admin API says it holds, what the view draws, where the node logs are. */
    private String whatTheNodesHold(Node live) {
        StringBuilder out = new StringBuilder();
        try (AdminClient admin = new AdminClient(AdminCredentials.of(vm.launcher()))) {
            for (String ep : MainViewModel.adminEndpoints(vm.launcher()).get()) {
                try {
                    JsonNode t = admin.teaching(ep);
                    out.append(ep).append(" paused=").append(t.path("paused").asBoolean()).append(" held=[");
                    t.path("held").forEach(h -> out.append(' ').append(h.path("kind").asText()).append('#')
                            .append(h.path("id").asLong()).append("->").append(h.path("to").asLong()));
                    out.append(" ]; ");
                } catch (IOException e) {
                    out.append(ep).append(' ').append(e.getMessage()).append("; ");
                }
            }
        }
        try {
            List<MessageKey> dots = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> drawn(live)));
            out.append("drawn ").append(dots);
        } catch (RuntimeException e) {
            out.append("drawn: ").append(e);
        }
        return out.append("; node logs under ").append(dir).toString();
    }

    /**
     * Waits until the two survivors serve again, one as the new leader, so the pause lands after
     * their election. Paused in the middle of it they may hold nothing, and then nothing changes:
     * once every vote has been delivered, a LOOKING server concludes only after a ZAB tick
     * (finalize wait), ZAB ticks stop while paused (docs/events.md, /teaching/pause), and no client
     * can connect to give the cluster something to hold.
     */
    private void awaitTheSurvivorsServing() {
        ClusterLauncher cluster = vm.launcher();
        Awaitility.await("the survivors serving, one as the new leader").atMost(Duration.ofSeconds(60))
                .until(() -> {
                    List<NodeStatus> alive = cluster.status().stream().filter(n -> n.member() && n.alive()).toList();
                    return alive.size() == 2 && alive.stream().allMatch(NodeStatus::serving)
                            && alive.stream().anyMatch(n -> n.mode().equals("leader"));
                });
    }

    /** The held label for {@code n} messages, as the lesson view writes it (empty when nothing is held). */
    private static String heldText(int n) {
        return n == 0 ? "" : n + (n == 1 ? " message held" : " messages held");
    }

    /** With -Dquorumlab.screenshots=true (docs/screenshots/generate.sh): the workshop screen for the README. */
    private void snapIfAsked(String name) throws Exception {
        if (!Boolean.getBoolean("quorumlab.screenshots")) {
            return;
        }
        Path out = Path.of(System.getProperty("quorumlab.screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = lookup("#lessonList").query().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.resolve(name).toFile());
    }

    /** The message dots the lesson view's diagram drew last; FX thread (the diagram redraws them there). */
    private List<MessageKey> drawn(Node live) {
        return from(live).lookup(".teaching-diagram").queryAllAs(TeachingDiagram.class).stream()
                .flatMap(d -> d.drawnMessages().stream()).toList();
    }
}
