package org.quorumlab.gui.fx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.app.MainViewModel;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.app.Workspace;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.ZkSession;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * Renders the main screens to docs/screenshots/*.png with {@code scene.snapshot} (works headless
 * under Monocle). Skipped unless {@code -Dquorumlab.screenshots=true}; see docs/screenshots/generate.sh.
 */
class ScreenshotGenerator extends ApplicationTest {

    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void renderMainScreens() throws Exception {
        assumeTrue(Boolean.getBoolean("quorumlab.screenshots"), "screenshots only with -Dquorumlab.screenshots=true");
        Path out = Path.of(System.getProperty("quorumlab.screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        try (TestServer server = new TestServer(); ZkSession data = server.session()) {
            seed(data);
            MainViewModel[] holder = new MainViewModel[1];
            interact(() -> {
                try {
                    holder[0] = FxFixture.show(stage, Theme.LIGHT, 1280, 800);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            MainViewModel vm = holder[0];
            interact(() -> vm.connect(new ConnectionSpec("local QuorumLab", server.connectString(), "", "", 15_000)));
            FxFixture.await("connection", () -> vm.workspaceProperty().get() != null);
            Workspace w = vm.workspaceProperty().get();
            interact(() -> w.tree().reveal("/services/payments/config.json"));
            FxFixture.await("detail", () -> w.detail().pathProperty().get().equals("/services/payments/config.json"));
            interact(() -> w.tree().reveal("/locks/lock-0000000001"));
            interact(() -> w.tree().reveal("/services/payments/config.json"));
            FxFixture.await("detail", () -> w.detail().renderedProperty().get().contains("timeoutMs"));
            snap(out.resolve("tree-and-detail.png"));

            interact(() -> w.console().inputProperty().set("ls -s /services"));
            interact(() -> w.console().submit());
            interact(() -> w.console().inputProperty().set("create -e /locks/lock- 'holder-7'"));
            interact(() -> w.console().submit());
            interact(() -> w.console().inputProperty().set("get /services/payments/config.json"));
            interact(() -> w.console().submit());
            FxFixture.await("console output", () -> w.console().transcriptProperty().get().contains("timeoutMs"));
            select(2);
            snap(out.resolve("console.png"));

            for (int i = 0; i < 4; i++) {
                data.client().setData("/services/payments/config.json",
                        ("{\"timeoutMs\": " + (1000 + i) + ", \"retries\": 3}").getBytes(StandardCharsets.UTF_8), -1);
                int n = i;
                FxFixture.await("watch event", () -> w.watches().events().size() > n);
                interact(() -> w.detail().load("/services/payments/config.json"));
                FxFixture.await("detail re-read", () -> w.detail().renderedProperty().get().contains(String.valueOf(1000 + n)));
            }
            data.client().create("/locks/lock-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            interact(() -> w.watches().refreshServerWatches());
            FxFixture.await("server watches", () -> !w.watches().bySession().isEmpty());
            select(1);
            snap(out.resolve("watches.png"));

            interact(() -> vm.themeProperty().set(Theme.DARK));
            select(0);
            snap(out.resolve("tree-and-detail-dark.png"));
            interact(vm::disconnect);
        }
    }

    private void select(int tab) throws Exception {
        interact(() -> ((TabPane) stage.getScene().lookup("#mainTabs")).getSelectionModel().select(tab));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private void snap(Path file) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
    }

    private static void seed(ZkSession s) throws Exception {
        TestServer.create(s, "/services/payments/config.json",
                "{\"timeoutMs\": 1000, \"retries\": 3, \"endpoints\": [\"10.0.0.1:8080\", \"10.0.0.2:8080\"], \"tls\": true}");
        TestServer.create(s, "/services/payments/schema.xml",
                "<service name=\"payments\"><port>8080</port><owner team=\"core\"/></service>");
        TestServer.create(s, "/services/search/config.json", "{\"shards\": 12}");
        TestServer.create(s, "/services/search/binary", "\u0001\u0002binary\u0000");
        TestServer.create(s, "/brokers/ids", "");
        for (int i = 0; i < 3; i++) {
            s.client().create("/brokers/ids/" + i, ("{\"host\":\"broker-" + i + "\"}").getBytes(),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        }
        TestServer.create(s, "/locks", "");
        for (int i = 0; i < 3; i++) {
            s.client().create("/locks/lock-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        }
        s.client().create("/jobs", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        s.client().create("/jobs/job-1", "queued".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        s.client().create("/sessions-ttl", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 60_000);
    }
}
