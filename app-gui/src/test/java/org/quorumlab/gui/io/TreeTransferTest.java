package org.quorumlab.gui.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.ZkSession;

class TreeTransferTest {

    static TestServer server;
    static ZkSession session;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
        session = server.session();
        TestServer.create(session, "/app/config", "{\"k\":\"v\"}");
        session.client().create("/app/bin", new byte[] {0, 1, 2, (byte) 0xff}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        session.client().create("/app/ttl", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 90_000);
        session.client().create("/app/box", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        session.client().create("/app/box/item", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        session.client().create("/app/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        session.client().create("/app/locked", "x".getBytes(), new java.util.ArrayList<>(List.of(new ACL(ZooDefs.Perms.READ | ZooDefs.Perms.ADMIN, new Id("world", "anyone")))),
                CreateMode.PERSISTENT);
    }

    @AfterAll
    static void stop() {
        session.close();
        server.close();
    }

    @Test
    void exportImportRoundTripUnderANewRoot(@TempDir Path dir) throws Exception {
        TransferViewModel vm = new TransferViewModel(session, TaskExecutor.synchronous());
        Path file = dir.resolve("app.json");
        vm.export("/app", file);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        String json = Files.readString(file);
        assertThat(json).contains("\"format\" : \"quorumlab-tree/1\"").contains("\"kind\" : \"session\"");

        TestServer.create(session, "/restore", "");
        vm.importUnder(file, "/restore");
        assertThat(vm.messageProperty().get()).contains("7 created").contains("1 skipped");
        assertThat(new String(session.client().getData("/restore/app/config", false, null))).isEqualTo("{\"k\":\"v\"}");
        assertThat(session.client().getData("/restore/app/bin", false, null)).containsExactly(0, 1, 2, 0xff);
        assertThat(session.client().exists("/restore/app/ttl", false)).isNotNull();
        assertThat(session.client().exists("/restore/app/box/item", false)).isNotNull();
        assertThat(session.client().exists("/restore/app/eph", false)).isNull();
        assertThat(session.client().getACL("/restore/app/locked", new Stat()).get(0).getPerms())
                .isEqualTo(ZooDefs.Perms.READ | ZooDefs.Perms.ADMIN);
    }

    @Test
    void backupAndRestoreWholeTreeOverwritesData(@TempDir Path dir) throws Exception {
        TestServer.create(session, "/whole/a", "before");
        TransferViewModel vm = new TransferViewModel(session, TaskExecutor.synchronous());
        Path file = dir.resolve("backup.json");
        vm.backup(file);
        assertThat(Files.readString(file)).doesNotContain("\"/zookeeper\"");
        session.client().setData("/whole/a", "after".getBytes(), -1);
        session.client().delete("/whole/a", -1);
        vm.restore(file);
        assertThat(new String(session.client().getData("/whole/a", false, null))).isEqualTo("before");
    }

    @Test
    void readsTtlAndContainerKindsOfEngineDumps() throws Exception {
        String json = "{\"format\":\"quorumlab-tree/1\",\"lastZxid\":\"0x5\",\"nodes\":["
                + "{\"path\":\"/k\",\"data\":null,\"acl\":[],\"ephemeralOwner\":0},"
                + "{\"path\":\"/k/t\",\"data\":\"\",\"acl\":[],\"ephemeralOwner\":" + (0xff00000000000000L | 7000) + "},"
                + "{\"path\":\"/k/c\",\"data\":\"\",\"acl\":[],\"ephemeralOwner\":" + Long.MIN_VALUE + "}]}";
        TreeTransfer.ImportResult r = new TreeTransfer(session::client).importDocument(json, "/kinds-import", (a, b) -> { });
        assertThat(r.created()).isEqualTo(3);
        assertThat(session.client().exists("/kinds-import/t", false)).isNotNull();
        assertThat(session.client().exists("/kinds-import/c", false)).isNotNull();
        assertThat(TreeDocument.kindName(Long.MIN_VALUE)).isEqualTo("container");
    }

    @Test
    void rejectsForeignDocuments() {
        assertThatThrownBy(() -> TreeDocument.read("{\"format\":\"other\"}")).hasMessageContaining("quorumlab-tree/1");
        assertThatThrownBy(() -> TreeDocument.read("{\"format\":\"quorumlab-tree/1\",\"nodes\":[{\"path\":\"x\"}]}"))
                .hasMessageContaining("node #1");
        assertThat(TreeTransfer.rebase("/a/b", "/a", "/x/a")).isEqualTo("/x/a/b");
        assertThat(TreeTransfer.rebase("/a", "/a", "/x/a")).isEqualTo("/x/a");
        assertThat(TreeTransfer.rebase("/a/b", "/", "/")).isEqualTo("/a/b");
    }
}
