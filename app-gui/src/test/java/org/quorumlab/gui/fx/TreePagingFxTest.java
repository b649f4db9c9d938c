package org.quorumlab.gui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.gui.io.TransferViewModel;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.tree.NodeActionsViewModel;
import org.quorumlab.gui.tree.TreePaneView;
import org.quorumlab.gui.tree.TreeViewModel;
import org.quorumlab.gui.tree.ZNodeModel;
import org.testfx.framework.junit5.ApplicationTest;

/** Headless (Monocle): a level of 5,000 children shows one page and a placeholder that loads the next. */
class TreePagingFxTest extends ApplicationTest {

    static TestServer server;
    static ZkSession session;
    FxTaskExecutor executor;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer();
        session = server.session();
        TestServer.create(session, "/many", "");
        for (int batch = 0; batch < 5; batch++) {
            List<Op> ops = new ArrayList<>();
            for (int i = batch * 1_000; i < (batch + 1) * 1_000; i++) {
                ops.add(Op.create(String.format(Locale.ROOT, "/many/m-%04d", i), new byte[0],
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            session.client().multi(ops);
        }
    }

    @AfterAll
    static void stopServer() {
        session.close();
        server.close();
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor(2);
        TreeViewModel vm = new TreeViewModel(session, executor);
        stage.setScene(new Scene(TreePaneView.create(vm, new NodeActionsViewModel(session, executor),
                new TransferViewModel(session, executor)), 700, 600));
        stage.show();
        vm.start();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void expandingALargeLevelShowsAPageAndTheNextOnClick() throws Exception {
        FxFixture.await("first level", () -> lookup(".tree-cell .label")
                .match(l -> "many".equals(((Labeled) l).getText())).tryQuery().isPresent());
        clickOn(lookup(".tree-cell .label").match(l -> "many".equals(((Labeled) l).getText())).<Labeled>query());
        type(KeyCode.RIGHT);
        TreeView<ZNodeModel> tree = lookup("#znodeTree").query();
        TreeItem<ZNodeModel> many = tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().name().equals("many")).findFirst().orElseThrow();
        FxFixture.await("first page of /many", () -> many.getChildren().size() == TreeViewModel.PAGE + 1);
        assertThat(many.getChildren().get(0).getValue().name()).isEqualTo("m-0000");

        TreeCell<?> placeholder = scrollToPlaceholder(tree, many);
        assertThat(((Labeled) placeholder.lookup(".label")).getText())
                .isEqualTo("… 4,000 more — click to show the next 1,000");
        clickOn(placeholder);
        FxFixture.await("second page of /many", () -> many.getChildren().size() == 2 * TreeViewModel.PAGE + 1);
        assertThat(many.getChildren().get(1_999).getValue().name()).isEqualTo("m-1999");
        assertThat(tree.getSelectionModel().getSelectedItem()).isNull();
        TreeCell<?> next = scrollToPlaceholder(tree, many);
        assertThat(((Labeled) next.lookup(".label")).getText()).isEqualTo("… 3,000 more — click to show the next 1,000");
    }

    /**
     * The main window gives the tree pane 40 % of its width, where "Find" clipped to "…". At 400 px
     * the filters shrink, never a button (with the old layout "Find" got 31 px of its 40).
     */
    @Test
    void toolRowTextIsNotClippedAtTheWidthTheMainWindowGivesThePane() throws Exception {
        javafx.stage.Window w = lookup("#znodeTree").query().getScene().getWindow();
        interact(() -> w.setWidth(400));
        FxFixture.await("laid out at 400 px", () -> lookup("#znodeTree").query().getScene().getWidth() <= 400);
        interact(() -> lookup("#znodeTree").query().getScene().getRoot().layout());
        List<String> tools = List.of("Find", "Sort", "New…", "Delete…", "Copy…", "Move…", "Export/Import");
        java.util.Set<Labeled> labeled = lookup(n -> n instanceof Labeled l && l.getText() != null && tools.contains(l.getText()))
                .queryAllAs(Labeled.class);
        assertThat(labeled).extracting(Labeled::getText).containsAll(tools);
        try {
            for (Labeled l : labeled) {
                assertThat(l.getWidth()).as("width of '%s'", l.getText())
                        .isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
        } finally {
            interact(w::sizeToScene); // TestFX reuses the stage for the next test class
        }
    }

    private TreeCell<?> scrollToPlaceholder(TreeView<ZNodeModel> tree, TreeItem<ZNodeModel> parent) throws Exception {
        TreeItem<ZNodeModel> last = parent.getChildren().get(parent.getChildren().size() - 1);
        assertThat(last.getValue().placeholder()).isTrue();
        interact(() -> tree.scrollTo(tree.getRow(last)));
        FxFixture.await("placeholder row shown", () -> lookup(".tree-cell.more-children").tryQuery()
                .filter(c -> ((TreeCell<?>) c).getTreeItem() == last).isPresent());
        return lookup(".tree-cell.more-children").query();
    }
}
