package org.quorumlab.gui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.app.MainViewModel;
import org.quorumlab.gui.app.Theme;
import org.quorumlab.gui.service.WatchEventRecord;
import org.quorumlab.gui.service.ZkSession;
import org.testfx.framework.junit5.ApplicationTest;

/** Headless (Monocle) UI test: connect, browse, edit a node, see the watch log update. */
class MainWindowFxTest extends ApplicationTest {

    static TestServer server;
    static ZkSession helper;
    MainViewModel vm;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer();
        helper = server.session();
        TestServer.create(helper, "/fx/node", "original");
    }

    @AfterAll
    static void stopServer() {
        helper.close();
        server.close();
    }

    @Override
    public void start(Stage stage) throws Exception {
        vm = FxFixture.show(stage, Theme.LIGHT, 1100, 700);
    }

    @Test
    void connectBrowseEditAndWatch() throws Exception {
        clickOn("#connectionBox").write(server.connectString());
        clickOn("#connectButton");
        FxFixture.await("connection", () -> vm.workspaceProperty().get() != null);
        FxFixture.await("first level", () -> !lookup(".tree-cell .label").match(l -> "fx".equals(((Labeled) l).getText()))
                .queryAll().isEmpty());
        clickOn(lookup(".tree-cell .label").match(l -> "fx".equals(((Labeled) l).getText())).<Labeled>query());
        type(KeyCode.RIGHT);
        FxFixture.await("children of /fx", () -> !lookup(".tree-cell .label")
                .match(l -> "node".equals(((Labeled) l).getText())).queryAll().isEmpty());
        clickOn(lookup(".tree-cell .label").match(l -> "node".equals(((Labeled) l).getText())).<Labeled>query());
        TextArea editor = lookup("#dataEditor").query();
        FxFixture.await("detail loaded", () -> "original".equals(editor.getText()));

        clickOn(editor).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("edited");
        clickOn("#saveButton");
        FxFixture.await("saved on the server", () -> read("/fx/node").equals("edited"));

        clickOn(lookup(".tab-pane > .tab-header-area .tab .tab-label")
                .match(l -> "Watches".equals(((Labeled) l).getText())).<Labeled>query());
        TableView<WatchEventRecord> log = lookup("#watchEventTable").query();
        helper.client().setData("/fx/node", "changed elsewhere".getBytes(StandardCharsets.UTF_8), -1);
        FxFixture.await("watch event in the log", () -> log.getItems().stream()
                .anyMatch(r -> r.path().equals("/fx/node") && r.type().equals("NodeDataChanged")));
        assertThat(log.getItems().get(0).sessionHex()).isEqualTo(
                "0x" + Long.toHexString(vm.workspaceProperty().get().session().sessionId()));
        // not editing any more, so the detail follows the remote change
        FxFixture.await("detail reloaded", () -> "changed elsewhere".equals(editor.getText()));
        interact(vm::disconnect);
    }

    private static String read(String path) {
        try {
            return new String(helper.client().getData(path, false, null), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
