package org.quorumlab.gui.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;

class NodeActionsViewModelTest extends ServerBackedTest {

    NodeActionsViewModel vm = new NodeActionsViewModel(session, TaskExecutor.synchronous());

    @Test
    void createsEveryKindIncludingTtl() throws Exception {
        TestServer.create(session, "/kinds", "");
        AtomicReference<String> created = new AtomicReference<>();
        vm.create("/kinds", "ttl", "d", CreateMode.PERSISTENT_WITH_TTL, 5000, created::set);
        assertThat(created.get()).isEqualTo("/kinds/ttl");
        Stat s = session.client().exists("/kinds/ttl", false);
        assertThat(s).isNotNull();
        vm.create("/kinds", "seq-", "", CreateMode.EPHEMERAL_SEQUENTIAL, -1, created::set);
        assertThat(created.get()).matches("/kinds/seq-\\d{10}");
        vm.create("/kinds", "box", "", CreateMode.CONTAINER, -1, created::set);
        assertThat(session.client().exists("/kinds/box", false)).isNotNull();
        vm.create("/kinds", "box", "", CreateMode.PERSISTENT, -1, created::set);
        assertThat(vm.messageProperty().get()).contains("failed").contains("NodeExists");
    }

    @Test
    void deleteRecursiveCountsFirst() throws Exception {
        TestServer.create(session, "/del/a/b", "");
        TestServer.create(session, "/del/c", "");
        AtomicInteger count = new AtomicInteger();
        vm.countSubtree("/del", count::set);
        assertThat(count.get()).isEqualTo(4);
        vm.deleteRecursive("/del", () -> { });
        assertThat(session.client().exists("/del", false)).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("deleted 4 nodes under /del");
    }

    @Test
    void copyAndMoveAsMulti() throws Exception {
        TestServer.create(session, "/src/x/y", "why");
        session.client().setData("/src", "root".getBytes(), -1);
        vm.copy("/src", "/copy");
        assertThat(new String(session.client().getData("/copy/x/y", false, null))).isEqualTo("why");
        assertThat(session.client().exists("/src/x/y", false)).isNotNull();
        vm.move("/src", "/moved", p -> { });
        assertThat(session.client().exists("/src", false)).isNull();
        assertThat(new String(session.client().getData("/moved", false, null))).isEqualTo("root");
        assertThat(new String(session.client().getData("/moved/x/y", false, null))).isEqualTo("why");
        vm.move("/moved", "/moved/inside", p -> { });
        assertThat(vm.messageProperty().get()).contains("into itself");
        vm.move("/moved", "/copy", p -> { });
        assertThat(vm.messageProperty().get()).startsWith("move failed");
        assertThat(session.client().exists("/moved/x/y", false)).as("failed multi leaves originals").isNotNull();
    }
}
