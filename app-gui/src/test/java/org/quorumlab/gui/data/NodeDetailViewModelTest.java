package org.quorumlab.gui.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.DeferredResultsExecutor;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ZkSession;

class NodeDetailViewModelTest extends ServerBackedTest {

    @Test
    void showsJsonPrettyWithStatRowsAndSavesWithVersion() throws Exception {
        TestServer.create(session, "/cfg", "{\"a\":1,\"b\":[true,null]}");
        NodeDetailViewModel vm = new NodeDetailViewModel(session, TaskExecutor.synchronous());
        vm.load("/cfg");
        assertThat(vm.viewModeProperty().get()).isEqualTo(ViewMode.JSON);
        assertThat(vm.renderedProperty().get()).contains("\"a\" : 1").contains("\n");
        assertThat(vm.tokens()).extracting(SyntaxHighlighter.Token::styleClass).contains("syn-key", "syn-num", "syn-lit");
        assertThat(vm.statRows()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("mzxid");
            assertThat(r.value()).startsWith("0x");
        });
        vm.viewModeProperty().set(ViewMode.HEX);
        assertThat(vm.renderedProperty().get()).startsWith("00000000  7b 22");
        vm.viewModeProperty().set(ViewMode.BASE64);
        assertThat(vm.renderedProperty().get()).startsWith("eyJh");

        vm.editTextProperty().set("{\"a\":2}");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(new String(session.client().getData("/cfg", false, null), StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}");
        assertThat(vm.loadedVersion()).isEqualTo(1);
    }

    @Test
    void conflictingEditShowsBadVersionAndOffersReloadOrOverwrite() throws Exception {
        TestServer.create(session, "/conflict", "v0");
        NodeDetailViewModel vm = new NodeDetailViewModel(session, TaskExecutor.synchronous());
        vm.load("/conflict");
        vm.editTextProperty().set("mine");
        Stat s = session.client().setData("/conflict", "theirs-again".getBytes(), -1);
        vm.save();
        assertThat(vm.conflictProperty().get()).contains("Conflict").contains("/conflict");
        assertThat(read("/conflict")).isEqualTo("theirs-again");
        vm.overwrite();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(read("/conflict")).isEqualTo("mine");
        assertThat(vm.loadedVersion()).isEqualTo(s.getVersion() + 1);

        vm.editTextProperty().set("again mine");
        session.client().setData("/conflict", "theirs-3".getBytes(), -1);
        vm.save();
        assertThat(vm.conflictProperty().get()).isNotNull();
        vm.reload();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(vm.editTextProperty().get()).isEqualTo("theirs-3");
    }

    @Test
    void charsetAndXmlViewers() throws Exception {
        session.client().create("/latin", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
                org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE, org.apache.zookeeper.CreateMode.PERSISTENT);
        NodeDetailViewModel vm = new NodeDetailViewModel(session, TaskExecutor.synchronous());
        vm.load("/latin");
        vm.viewModeProperty().set(ViewMode.TEXT);
        vm.charsetProperty().set(StandardCharsets.ISO_8859_1);
        assertThat(vm.renderedProperty().get()).isEqualTo("caf\u00e9");
        assertThat(DataFormats.prettyXml("<a><b x=\"1\">t</b></a>")).isEqualTo("<a>\n  <b x=\"1\">t</b>\n</a>");
        assertThat(SyntaxHighlighter.highlight("<a x=\"1\"/>", ViewMode.XML))
                .extracting(SyntaxHighlighter.Token::styleClass).contains("syn-tag", "syn-attr", "syn-str");
    }

    @Test
    void aclEditorAddsDigestAndAppliesRecursively() throws Exception {
        TestServer.create(session, "/secure/child", "x");
        NodeDetailViewModel vm = new NodeDetailViewModel(session, TaskExecutor.synchronous());
        vm.load("/secure");
        AclEditorViewModel acl = vm.acl();
        assertThat(acl.entries()).containsExactly(new AclEntry("world", "anyone", "cdrwa"));
        acl.add("digest", "alice:secret", "cdrwa");
        acl.add("ip", "127.0.0.1", "r");
        acl.remove(new AclEntry("world", "anyone", "cdrwa"));
        acl.recursiveProperty().set(true);
        acl.apply(() -> { });
        assertThat(acl.messageProperty().get()).isEqualTo("ACL set on 2 nodes");
        for (String p : new String[] {"/secure", "/secure/child"}) {
            assertThat(session.client().getACL(p, new Stat())).extracting(a -> a.getId().getScheme())
                    .containsExactly("digest", "ip");
        }
        ACL digest = session.client().getACL("/secure/child", new Stat()).get(0);
        assertThat(digest.getId().getId()).startsWith("alice:").doesNotContain("secret");
        acl.add("world", "", "rwz");
        assertThat(acl.messageProperty().get()).contains("unknown permission");
    }

    @Test
    void burstsOfRemoteEditsAlwaysEndOnTheLastValueAlsoAfterReselecting() throws Exception {
        TestServer.create(session, "/hot", "v0");
        TestServer.create(session, "/cold", "c");
        try (SerialExecutor ui = new SerialExecutor(); ZkSession other = server.session()) {
            NodeDetailViewModel vm = new NodeDetailViewModel(session, ui);
            ui.onUi(() -> vm.load("/hot"));
            awaitShown(ui, vm, "/hot", "v0");
            for (int round = 0; round < 6; round++) {
                String last = "";
                for (int i = 1; i <= 20; i++) {
                    last = "r" + round + "-" + i;
                    other.client().setData("/hot", last.getBytes(StandardCharsets.UTF_8), -1);
                }
                awaitShown(ui, vm, "/hot", last);
                if (round % 2 == 1) {
                    ui.onUi(() -> vm.load("/cold"));
                    ui.onUi(() -> vm.load("/hot"));
                    awaitShown(ui, vm, "/hot", last);
                }
            }
        }
    }

    @Test
    void aReloadFinishingAfterANewerOneDoesNotWinAndTheWatchStaysArmed() throws Exception {
        TestServer.create(session, "/race", "v0");
        try (DeferredResultsExecutor ui = new DeferredResultsExecutor(); ZkSession other = server.session()) {
            NodeDetailViewModel vm = new NodeDetailViewModel(session, ui);
            ui.onUi(() -> vm.load("/race"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 1);
            ui.deliverInOrder();
            other.client().setData("/race", "v1".getBytes(StandardCharsets.UTF_8), -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 1);
            other.client().setData("/race", "v2".getBytes(StandardCharsets.UTF_8), -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 2);
            ui.deliverNewestFirst();
            assertThat(ui.read(() -> vm.editTextProperty().get())).isEqualTo("v2");

            other.client().setData("/race", "v3".getBytes(StandardCharsets.UTF_8), -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 1);
            ui.deliverInOrder();
            assertThat(ui.read(() -> vm.editTextProperty().get())).isEqualTo("v3");
        }
    }

    @Test
    void aChangeArrivingBeforeTheNewSelectionIsShownStillReloadsIt() throws Exception {
        TestServer.create(session, "/first", "a0");
        TestServer.create(session, "/second", "b0");
        try (DeferredResultsExecutor ui = new DeferredResultsExecutor(); ZkSession other = server.session()) {
            NodeDetailViewModel vm = new NodeDetailViewModel(session, ui);
            ui.onUi(() -> vm.load("/first"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 1);
            ui.deliverInOrder();
            ui.onUi(() -> vm.load("/second"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 1);
            other.client().setData("/second", "b1".getBytes(StandardCharsets.UTF_8), -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 2);
            ui.deliverInOrder();
            assertThat(ui.read(() -> vm.pathProperty().get())).isEqualTo("/second");
            assertThat(ui.read(() -> vm.editTextProperty().get())).isEqualTo("b1");

            ui.onUi(() -> vm.load("/first"));
            ui.onUi(() -> vm.load("/second"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ui.held() == 2);
            ui.deliverNewestFirst();
            assertThat(ui.read(() -> vm.pathProperty().get())).isEqualTo("/second");
        }
    }

    private static void awaitShown(SerialExecutor ui, NodeDetailViewModel vm, String path, String text) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ui.read(() -> vm.pathProperty().get())).isEqualTo(path);
            assertThat(ui.read(() -> vm.editTextProperty().get())).isEqualTo(text);
        });
    }

    private static String read(String p) throws Exception {
        return new String(session.client().getData(p, false, null), StandardCharsets.UTF_8);
    }
}
