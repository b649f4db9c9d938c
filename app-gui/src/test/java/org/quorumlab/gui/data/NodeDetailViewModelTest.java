package org.quorumlab.gui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;

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

    private static String read(String p) throws Exception {
        return new String(session.client().getData(p, false, null), StandardCharsets.UTF_8);
    }
}
