package org.quorumlab.gui.cluster;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders docs/screenshots/cluster.png (after an election, under load) and charts.png. Runs only
 * with {@code -Dquorumlab.screenshots=true}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "quorumlab.screenshots", matches = "true")
class ClusterScreenshotsTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void clusterViewDuringAnElectionAndChartsUnderLoad() throws Exception {
        Path out = Path.of(System.getProperty("quorumlab.screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        try (TestEnsemble e = new TestEnsemble(dir, 3).startAll()) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            long oldLeader = e.leaderId();
            ClusterTab.Built built = WaitForAsyncUtils.asyncFx(() -> {
                ClusterTab.Built b = ClusterTab.build(new ClusterContext(e::adminEndpoints, e.adminCredentials(), null,
                        e.connectString(), new FxTaskExecutor(2)));
                stage.setScene(new Scene(b.root(), 1280, 820));
                stage.show();
                return b;
            }).get(20, TimeUnit.SECONDS);
            try {
                WaitForAsyncUtils.asyncFx(() -> {
                    built.vm().load().rateProperty().set(1500);
                    built.vm().load().clientsProperty().set(6);
                    built.vm().load().start();
                }).get(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> built.vm().load().runningProperty().get());
                await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(() -> true);
                e.stop(oldLeader);
                await().atMost(Duration.ofSeconds(60)).until(() -> built.vm().timeline().entries().stream()
                        .anyMatch(en -> en.winner() != oldLeader));
                await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() -> true);
                WaitForAsyncUtils.asyncFx(() -> built.vm().cluster().selectedProperty()
                        .set(built.vm().cluster().node(oldLeader))).get(5, TimeUnit.SECONDS);
                snapshot(out.resolve("cluster.png"));
                WaitForAsyncUtils.asyncFx(() -> ((TabPane) built.root().lookup("#clusterTabs")).getSelectionModel()
                        .select(1)).get(5, TimeUnit.SECONDS);
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
                snapshot(out.resolve("charts.png"));
            } finally {
                WaitForAsyncUtils.asyncFx(() -> built.vm().load().stop()).get(10, TimeUnit.SECONDS);
                built.monitor().close();
                built.client().close();
            }
        }
    }

    private void snapshot(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(20, TimeUnit.SECONDS);
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(bi, "png", file.toFile());
    }
}
