package org.quorumlab.gui.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ZkSession;

/** A level larger than a page: the tree shows 1,000 children and a placeholder, without a screen. */
class TreePagingTest {

    static final int CHILDREN = 2_500;
    static TestServer server;
    static ZkSession session;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        session = server.session();
        TestServer.create(session, "/paged", "");
        for (int batch = 0; batch < CHILDREN / 500; batch++) {
            List<Op> ops = new ArrayList<>();
            for (int i = batch * 500; i < (batch + 1) * 500; i++) {
                ops.add(Op.create(String.format(Locale.ROOT, "/paged/n-%04d", i), "v".getBytes(),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            session.client().multi(ops);
        }
    }

    @AfterAll
    static void stop() {
        session.close();
        server.close();
    }

    private static ZNodeModel expanded(TreeViewModel vm) {
        vm.start();
        ZNodeModel paged = vm.find("/paged");
        vm.expand(paged);
        return paged;
    }

    @Test
    void aLargeLevelShowsOnePageAndAPlaceholderThatLoadsTheNext() {
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        ZNodeModel paged = expanded(vm);
        ZNodeTreeItem item = new ZNodeTreeItem(paged, vm);

        assertThat(paged.children()).hasSize(CHILDREN);
        assertThat(paged.shownChildren()).hasSize(TreeViewModel.PAGE);
        assertThat(item.getChildren()).hasSize(TreeViewModel.PAGE + 1);
        assertThat(item.getChildren().get(0).getValue().name()).isEqualTo("n-0000");
        assertThat(item.getChildren().get(TreeViewModel.PAGE - 1).getValue().name()).isEqualTo("n-0999");
        ZNodeModel more = item.getChildren().get(TreeViewModel.PAGE).getValue();
        assertThat(more.placeholder()).isTrue();
        assertThat(vm.moreText(more.parent())).isEqualTo("… 1,500 more — click to show the next 1,000");

        vm.showMore(paged);
        assertThat(item.getChildren()).hasSize(2 * TreeViewModel.PAGE + 1);
        assertThat(item.getChildren().get(1_999).getValue().name()).isEqualTo("n-1999");
        assertThat(vm.moreText(paged)).isEqualTo("… 500 more — click to show the next 500");

        vm.showMore(paged);
        assertThat(item.getChildren()).hasSize(CHILDREN);
        assertThat(item.getChildren()).noneMatch(c -> c.getValue().placeholder());
        vm.showMore(paged);
        assertThat(paged.pageLimitProperty().get()).isEqualTo(3 * TreeViewModel.PAGE);
    }

    @Test
    void childrenAddedAndRemovedElsewhereShowLiveOnThePage() throws Exception {
        // a session of its own: a session arms one children watch per path for its (single) tree
        try (ZkSession own = server.session()) {
            TreeViewModel vm = new TreeViewModel(own, TaskExecutor.synchronous());
            ZNodeModel paged = expanded(vm);
            ZNodeTreeItem item = new ZNodeTreeItem(paged, vm);
            session.client().create("/paged/a-first", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            await().atMost(Duration.ofSeconds(10)).until(() -> paged.children().size() == CHILDREN + 1);
            assertThat(item.getChildren().get(0).getValue().name()).isEqualTo("a-first");
            assertThat(item.getChildren()).hasSize(TreeViewModel.PAGE + 1);
            assertThat(vm.moreText(paged)).startsWith("… 1,501 more");

            session.client().delete("/paged/a-first", -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> paged.children().size() == CHILDREN);
            assertThat(item.getChildren().get(0).getValue().name()).isEqualTo("n-0000");
            assertThat(vm.moreText(paged)).startsWith("… 1,500 more");
        } finally {
            if (session.client().exists("/paged/a-first", false) != null) {
                session.client().delete("/paged/a-first", -1);
            }
        }
    }

    @Test
    void sortingOrdersTheWholeLevelBeforeThePageIsCut() throws Exception {
        session.client().setData("/paged/n-2499", new byte[0], -1);
        try {
            TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
            ZNodeModel paged = expanded(vm);
            ZNodeTreeItem item = new ZNodeTreeItem(paged, vm);
            vm.sortKeyProperty().set(SortKey.SIZE);
            // the only empty node, last by name, sorts first by size and so is on the first page
            await().atMost(Duration.ofSeconds(10)).until(() -> "n-2499".equals(item.getChildren().get(0).getValue().name()));
            assertThat(item.getChildren()).hasSize(TreeViewModel.PAGE + 1);
        } finally {
            session.client().setData("/paged/n-2499", "v".getBytes(), -1);
        }
    }

    @Test
    void searchFindsAndRevealsANodeBeyondThePage() {
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        ZNodeModel paged = expanded(vm);
        ZNodeTreeItem item = new ZNodeTreeItem(paged, vm);
        vm.pathFilterProperty().set("n-2345");
        vm.search();
        assertThat(vm.searchResults()).containsExactly("/paged/n-2345");

        vm.reveal("/paged/n-2345");
        ZNodeModel found = vm.find("/paged/n-2345");
        assertThat(vm.selectedProperty().get()).isSameAs(found);
        assertThat(item.itemFor(found)).isNotNull();
        // the revealed node follows the page, the placeholder still stands for the others
        assertThat(item.getChildren().get(TreeViewModel.PAGE).getValue()).isSameAs(found);
        assertThat(item.getChildren()).hasSize(TreeViewModel.PAGE + 2);
        assertThat(vm.moreText(paged)).startsWith("… 1,499 more");
    }
}
