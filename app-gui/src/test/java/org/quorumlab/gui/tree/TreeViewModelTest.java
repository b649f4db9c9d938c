package org.quorumlab.gui.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.ZkSession;

class TreeViewModelTest {

    static TestServer server;
    static ZkSession session;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        session = server.session();
        TestServer.create(session, "/tree/b", "bee");
        TestServer.create(session, "/tree/a", "{\"x\":1}");
        TestServer.create(session, "/tree/c/deep", "needle inside");
        session.client().create("/tree/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        session.client().create("/tree/cont", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        session.client().create("/tree/ttl", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL,
                null, 60_000);
        session.client().create("/tree/seq-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
    }

    @AfterAll
    static void stop() {
        session.close();
        server.close();
    }

    @Test
    void aLevelWhoseChildListIsOverOneMegabyteStillLoads() throws Exception {
        session.client().create("/wide", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        String longName = "n".repeat(990);
        for (int batch = 0; batch < 3; batch++) {
            List<org.apache.zookeeper.Op> ops = new java.util.ArrayList<>();
            for (int i = batch * 400; i < (batch + 1) * 400; i++) {
                ops.add(org.apache.zookeeper.Op.create("/wide/" + longName + String.format("%04d", i), new byte[0],
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            session.client().multi(ops);
        }
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        ZNodeModel wide = vm.find("/wide");
        vm.expand(wide);
        // 1,200 names of 994 bytes: a reply larger than the client's default 1 MiB packet limit
        assertThat(wide.children()).hasSize(1_200);
        assertThat(vm.statusProperty().get()).startsWith("/wide: 1200 children");
    }

    @Test
    void loadsFirstLevelAndChildrenLazilyWithKinds() {
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        assertThat(vm.root().children()).extracting(ZNodeModel::name).contains("tree", "zookeeper");
        ZNodeModel tree = vm.find("/tree");
        assertThat(tree.childrenLoadedProperty().get()).isFalse();
        vm.expand(tree);
        assertThat(tree.children()).extracting(ZNodeModel::name)
                .startsWith("a", "b", "c").contains("eph", "cont", "ttl");
        assertThat(vm.find("/tree/eph").kind()).isEqualTo(NodeKind.EPHEMERAL);
        // like ZooKeeper, the server reports container/TTL owners as 0 to clients; the decoding is unit-tested below
        assertThat(NodeKind.of(Long.MIN_VALUE)).isEqualTo(NodeKind.CONTAINER);
        assertThat(NodeKind.of(0xff00000000001388L)).isEqualTo(NodeKind.TTL);
        assertThat(NodeKind.ttlOf(0xff00000000001388L)).isEqualTo(5000);
        assertThat(vm.find("/tree/a").kind()).isEqualTo(NodeKind.PERSISTENT);
        assertThat(tree.children().stream().filter(ZNodeModel::sequential).map(ZNodeModel::name).toList())
                .singleElement().asString().startsWith("seq-");
        assertThat(vm.find("/tree/c").stat().getNumChildren()).isEqualTo(1);
        assertThat(NodeKind.describe(vm.find("/tree/eph").stat().getEphemeralOwner(), "eph"))
                .startsWith("ephemeral (owner 0x" + Long.toHexString(session.sessionId()));
    }

    @Test
    void nodesAppearAndDisappearLiveThroughWatches() throws Exception {
        TestServer.create(session, "/live", "");
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        ZNodeModel live = vm.find("/live");
        vm.expand(live);
        assertThat(live.children()).isEmpty();
        try (ZkSession other = server.session()) {
            other.client().create("/live/new", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            await().atMost(Duration.ofSeconds(10)).until(() -> live.child("new") != null);
            other.client().delete("/live/new", -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> live.children().isEmpty());
        }
    }

    @Test
    void sortsByStatFields() throws Exception {
        TestServer.create(session, "/sorted/z-small", "1");
        TestServer.create(session, "/sorted/a-big", "1234567890");
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        ZNodeModel sorted = vm.find("/sorted");
        vm.expand(sorted);
        assertThat(sorted.children()).extracting(ZNodeModel::name).containsExactly("a-big", "z-small");
        vm.sortKeyProperty().set(SortKey.CTIME);
        assertThat(sorted.children()).extracting(ZNodeModel::name).containsExactly("z-small", "a-big");
        vm.sortKeyProperty().set(SortKey.SIZE);
        assertThat(sorted.children()).extracting(ZNodeModel::name).containsExactly("z-small", "a-big");
    }

    @Test
    void searchesByPathAndContentAndReveals() {
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        vm.contentFilterProperty().set("needle");
        vm.search();
        assertThat(vm.searchResults()).containsExactly("/tree/c/deep");
        vm.contentFilterProperty().set("");
        vm.pathFilterProperty().set("tree/b");
        vm.search();
        assertThat(vm.searchResults()).containsExactly("/tree/b");
        vm.reveal("/tree/c/deep");
        assertThat(vm.selectedProperty().get().path()).isEqualTo("/tree/c/deep");
    }

    @Test
    void firstLevelOfALargeParentOnlyFetchesVisibleStats() throws Exception {
        TestServer.create(session, "/big", "");
        List<org.apache.zookeeper.Op> ops = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ops.add(org.apache.zookeeper.Op.create("/big/n" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT));
        }
        session.client().multi(ops);
        TreeViewModel vm = new TreeViewModel(session, TaskExecutor.synchronous());
        vm.start();
        ZNodeModel big = vm.find("/big");
        long t0 = System.nanoTime();
        vm.expand(big);
        assertThat(big.children()).hasSize(2000);
        assertThat(big.children().stream().filter(n -> n.stat() != null).count()).isEqualTo(TreeViewModel.EAGER_STATS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
}
