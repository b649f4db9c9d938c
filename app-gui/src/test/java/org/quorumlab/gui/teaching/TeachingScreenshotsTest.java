package org.quorumlab.gui.teaching;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.app.QuorumLabConsole;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.cluster.ClusterContext;
import org.quorumlab.gui.cluster.TestEnsemble;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders docs/screenshots/teaching.png: a paused ensemble with a write half-way through ZAB
 * (messages parked on the links, log strips proposed/acknowledged/committed). Runs only with
 * {@code -Dquorumlab.screenshots=true}; see docs/screenshots/generate.sh.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "quorumlab.screenshots", matches = "true")
class TeachingScreenshotsTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    @Test
    void teachingTabWithAWriteHalfWayThroughZab() throws Exception {
        Path out = Path.of(System.getProperty("quorumlab.screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        try (TestEnsemble e = new TestEnsemble(dir, 3).startAll(); FxTaskExecutor executor = new FxTaskExecutor(2)) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            TeachingTab tab = fx(() -> {
                TeachingTab t = TeachingTab.live(new ClusterContext(e::adminEndpoints, e.adminCredentials(), null,
                        e.connectString(), executor));
                Scene scene = new Scene(t.root(), 1280, 800);
                QuorumLabConsole.applyTheme(scene, Theme.LIGHT);
                stage.setScene(scene);
                stage.show();
                t.start();
                return t;
            });
            TeachingViewModel vm = tab.viewModel();
            try (ZooKeeper zk = LiveCluster.connect(e.connectString())) {
                for (int i = 0; i < 3; i++) {
                    LiveCluster.create(zk, "/config-" + i).get(10, TimeUnit.SECONDS);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> vm.replay().state().leaderId() > 0));
                fx(() -> {
                    vm.applySpeed(50);
                    vm.pause();
                    return null;
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> vm.pausedProperty().get()));
                LiveCluster.create(zk, "/lesson");
                LiveCluster.create(zk, "/lesson-2");
                await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> vm.replay().state().held().size() >= 2));
                // step (oldest first) until the write is half-way: proposed on the leader, ACKs or PROPOSALs in flight
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(150)).until(() -> fx(() -> {
                    TeachingState s = vm.replay().state();
                    boolean halfWay = s.node(s.leaderId()).map(l -> l.log().containsValue(EntryStatus.PROPOSED)
                            || l.log().containsValue(EntryStatus.ACKED)).orElse(false)
                            && s.held().values().stream().anyMatch(m -> m.kind().equals("PROPOSAL")
                                    || m.kind().equals("ACK"));
                    if (!halfWay) {
                        vm.step();
                    }
                    return halfWay;
                }));
                await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage img = fx(() -> stage.getScene().snapshot(null));
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve("teaching.png").toFile());
            } finally {
                fx(() -> {
                    vm.resume();
                    vm.applySpeed(1);
                    return null;
                });
                tab.close();
            }
        }
    }
}
