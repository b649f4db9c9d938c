package org.quorumlab.engine.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorumlab.engine.client.Zk.WAIT_SECONDS;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/** Data, ACL, multi and admin operations of the official 3.9 client, sync and async, against QuorumLab. */
class OfficialClientOperationsTest {

    static final List<ACL> OPEN = Ids.OPEN_ACL_UNSAFE;

    @TempDir
    static Path dir;
    static QuorumLabServer server;
    ZooKeeper zk;

    @BeforeAll
    static void startServer() throws Exception {
        String superDigest = DigestAuthenticationProvider.generateDigest("super:secret");
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir).toBuilder().superDigest(superDigest)
                .containerCheckIntervalMs(100).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() throws Exception {
        zk = Zk.connect(server.port());
    }

    @AfterEach
    void disconnect() {
        Zk.closeQuietly(zk);
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void createInEveryModeSyncAndAsync() throws Exception {
        zk.create("/modes", new byte[0], OPEN, CreateMode.PERSISTENT);
        Stat stat = new Stat();
        assertThat(zk.create("/modes/p", "d".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT, stat)).isEqualTo("/modes/p");
        assertThat(stat.getEphemeralOwner()).isZero();
        assertThat(stat.getDataLength()).isEqualTo(1);
        assertThat(zk.create("/modes/ps-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL)).matches("/modes/ps-\\d{10}");
        zk.create("/modes/e", null, OPEN, CreateMode.EPHEMERAL, stat);
        assertThat(stat.getEphemeralOwner()).isEqualTo(zk.getSessionId());
        assertThat(zk.create("/modes/es-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL)).matches("/modes/es-\\d{10}");
        zk.create("/modes/c", null, OPEN, CreateMode.CONTAINER, stat);
        assertThat(stat.getEphemeralOwner()).isZero(); // container/TTL markers are hidden from clients, as in ZooKeeper
        zk.create("/modes/ttl", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, stat, 60_000);
        assertThat(stat.getEphemeralOwner()).isZero();
        assertThat(zk.create("/modes/ttls-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, stat, 5_000))
                .matches("/modes/ttls-\\d{10}");
        assertThatThrownBy(() -> zk.create("/modes/p", null, OPEN, CreateMode.PERSISTENT))
                .isInstanceOf(KeeperException.NodeExistsException.class);
        assertThatThrownBy(() -> zk.create("/modes/none/x", null, OPEN, CreateMode.PERSISTENT))
                .isInstanceOf(KeeperException.NoNodeException.class);
        assertThatThrownBy(() -> zk.create("/modes/e/child", null, OPEN, CreateMode.PERSISTENT))
                .isInstanceOf(KeeperException.NoChildrenForEphemeralsException.class);

        CompletableFuture<String> name = new CompletableFuture<>();
        zk.create("/modes/a1", null, OPEN, CreateMode.PERSISTENT,
                (rc, path, ctx, n) -> name.complete(rc + " " + ctx + " " + n), "ctx");
        assertThat(await(name)).isEqualTo("0 ctx /modes/a1");
        CompletableFuture<Stat> created = new CompletableFuture<>();
        zk.create("/modes/a2", "xy".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT_WITH_TTL,
                (rc, path, ctx, n, s) -> created.complete(rc == 0 ? s : null), null, 1_000);
        assertThat(await(created).getDataLength()).isEqualTo(2);
        CompletableFuture<Integer> dup = new CompletableFuture<>();
        zk.create("/modes/a1", null, OPEN, CreateMode.PERSISTENT, (rc, p, c, n) -> dup.complete(rc), null);
        assertThat(await(dup)).isEqualTo(Code.NODEEXISTS.intValue());
        assertThat(zk.getChildren("/modes", false)).hasSize(9);
    }

    @Test
    void emptyContainersAndExpiredTtlNodesAreReaped() throws Exception {
        zk.create("/reap", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/reap/container", null, OPEN, CreateMode.CONTAINER);
        zk.create("/reap/container/kid", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/reap/never-used", null, OPEN, CreateMode.CONTAINER);
        zk.create("/reap/ttl", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 200);
        zk.create("/reap/long-ttl", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 600_000);
        zk.delete("/reap/container/kid", -1);
        org.awaitility.Awaitility.await().atMost(WAIT_SECONDS, TimeUnit.SECONDS)
                .until(() -> zk.exists("/reap/container", false) == null && zk.exists("/reap/ttl", false) == null);
        assertThat(zk.getChildren("/reap", false)).containsExactlyInAnyOrder("never-used", "long-ttl");
    }

    @Test
    void readWriteDeleteSyncAndAsync() throws Exception {
        zk.create("/rw", "v0".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT);
        Stat stat = zk.exists("/rw", false);
        assertThat(stat.getVersion()).isZero();
        assertThat(zk.exists("/rw-missing", false)).isNull();
        Stat set = zk.setData("/rw", "v1".getBytes(UTF_8), 0);
        assertThat(set.getVersion()).isEqualTo(1);
        assertThat(set.getMzxid()).isGreaterThan(stat.getMzxid());
        assertThatThrownBy(() -> zk.setData("/rw", new byte[0], 0)).isInstanceOf(KeeperException.BadVersionException.class);
        Stat read = new Stat();
        assertThat(zk.getData("/rw", false, read)).isEqualTo("v1".getBytes(UTF_8));
        assertThat(read).isEqualTo(set);

        CompletableFuture<Stat> asyncSet = new CompletableFuture<>();
        zk.setData("/rw", "v2".getBytes(UTF_8), -1, (rc, p, c, s) -> asyncSet.complete(s), null);
        assertThat(await(asyncSet).getVersion()).isEqualTo(2);
        CompletableFuture<String> asyncGet = new CompletableFuture<>();
        zk.getData("/rw", false, (rc, p, c, data, s) -> asyncGet.complete(new String(data, UTF_8) + "@" + s.getVersion()),
                null);
        assertThat(await(asyncGet)).isEqualTo("v2@2");
        CompletableFuture<Stat> asyncExists = new CompletableFuture<>();
        zk.exists("/rw", false, (rc, p, c, s) -> asyncExists.complete(s), null);
        assertThat(await(asyncExists).getVersion()).isEqualTo(2);
        CompletableFuture<Integer> missing = new CompletableFuture<>();
        zk.getData("/rw-missing", false, (rc, p, c, d, s) -> missing.complete(rc), null);
        assertThat(await(missing)).isEqualTo(Code.NONODE.intValue());

        zk.create("/rw/child", null, OPEN, CreateMode.PERSISTENT);
        assertThatThrownBy(() -> zk.delete("/rw", -1)).isInstanceOf(KeeperException.NotEmptyException.class);
        assertThatThrownBy(() -> zk.delete("/rw/child", 5)).isInstanceOf(KeeperException.BadVersionException.class);
        zk.delete("/rw/child", 0);
        CompletableFuture<Integer> deleted = new CompletableFuture<>();
        zk.delete("/rw", 2, (rc, p, c) -> deleted.complete(rc), null);
        assertThat(await(deleted)).isZero();
        assertThat(zk.exists("/rw", false)).isNull();
        assertThatThrownBy(() -> zk.delete("/zookeeper", -1)).isInstanceOf(KeeperException.class);
        zk.sync("/");
        CompletableFuture<Integer> synced = new CompletableFuture<>();
        zk.sync("/", (rc, p, c) -> synced.complete(rc), null);
        assertThat(await(synced)).isZero();
    }

    @Test
    void childrenCountsAndEphemerals() throws Exception {
        zk.create("/kids", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/kids/a", null, OPEN, CreateMode.PERSISTENT);
        zk.create("/kids/a/deep", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/kids/b", null, OPEN, CreateMode.EPHEMERAL);
        zk.create("/kids/c", null, OPEN, CreateMode.PERSISTENT);
        zk.delete("/kids/c", -1);
        Stat stat = new Stat();
        assertThat(zk.getChildren("/kids", false, stat)).containsExactlyInAnyOrder("a", "b");
        assertThat(stat.getNumChildren()).isEqualTo(2);
        assertThat(stat.getCversion()).isEqualTo(4); // ZooKeeper reports creates + deletes (2 * creates - numChildren)
        assertThat(stat.getPzxid()).isEqualTo(zk.exists("/kids", false).getPzxid());
        CompletableFuture<List<String>> kids = new CompletableFuture<>();
        zk.getChildren("/kids", false, (rc, p, c, children, s) -> kids.complete(children), null);
        assertThat(await(kids)).containsExactlyInAnyOrder("a", "b");
        CompletableFuture<List<String>> kids1 = new CompletableFuture<>();
        zk.getChildren("/kids", false, (rc, p, c, children) -> kids1.complete(children), null);
        assertThat(await(kids1)).hasSize(2);

        assertThat(zk.getAllChildrenNumber("/kids")).isEqualTo(3);
        CompletableFuture<Integer> count = new CompletableFuture<>();
        zk.getAllChildrenNumber("/kids/a", (rc, p, c, n) -> count.complete(n), null);
        assertThat(await(count)).isEqualTo(1);

        assertThat(zk.getEphemerals()).containsExactlyInAnyOrder("/kids/a/deep", "/kids/b");
        assertThat(zk.getEphemerals("/kids/a")).containsExactly("/kids/a/deep");
        CompletableFuture<List<String>> eph = new CompletableFuture<>();
        zk.getEphemerals("/kids/b", (c, rc, paths) -> eph.complete(paths), null);
        assertThat(await(eph)).containsExactly("/kids/b");
        ZooKeeper other = Zk.connect(server.port());
        try {
            assertThat(other.getEphemerals()).isEmpty();
        } finally {
            other.close();
        }
    }

    @Test
    void worldDigestIpAndAuthAcls() throws Exception {
        zk.create("/acl-ro", null, Ids.READ_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThat(zk.getACL("/acl-ro", new Stat())).containsExactly(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
        assertThatThrownBy(() -> zk.setData("/acl-ro", new byte[1], -1)).isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> zk.create("/acl-auth0", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT))
                .isInstanceOf(KeeperException.InvalidACLException.class);

        zk.addAuthInfo("digest", "alice:pw".getBytes(UTF_8));
        zk.create("/acl-alice", "secret".getBytes(UTF_8), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
        Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:pw"));
        assertThat(zk.getACL("/acl-alice", new Stat())).containsExactly(new ACL(Perms.ALL, alice));
        assertThat(zk.getData("/acl-alice", false, null)).isEqualTo("secret".getBytes(UTF_8));

        ZooKeeper anon = Zk.connect(server.port());
        ZooKeeper bob = Zk.connect(server.port());
        ZooKeeper alice2 = Zk.connect(server.port());
        ZooKeeper root = Zk.connect(server.port());
        try {
            assertThatThrownBy(() -> anon.getData("/acl-alice", false, null))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anon.getACL("/acl-alice", new Stat())) // READ or ADMIN needed (3.9)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            zk.create("/acl-mixed", null, Arrays.asList(new ACL(Perms.ALL, alice), new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)),
                    CreateMode.PERSISTENT);
            assertThat(anon.getACL("/acl-mixed", new Stat())).containsExactly( // no ADMIN: digest masked
                    new ACL(Perms.ALL, new Id("digest", "alice:x")), new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
            bob.addAuthInfo("digest", "alice:wrong".getBytes(UTF_8));
            assertThatThrownBy(() -> bob.setData("/acl-alice", null, -1)).isInstanceOf(KeeperException.NoAuthException.class);
            alice2.addAuthInfo("digest", "alice:pw".getBytes(UTF_8));
            assertThat(alice2.setData("/acl-alice", "v2".getBytes(UTF_8), 0).getVersion()).isEqualTo(1);

            zk.create("/acl-ip", null, Arrays.asList(new ACL(Perms.READ, new Id("ip", "127.0.0.1"))), CreateMode.PERSISTENT);
            zk.create("/acl-net", null, Arrays.asList(new ACL(Perms.ALL, new Id("ip", "127.0.0.0/8"))), CreateMode.PERSISTENT);
            zk.create("/acl-far", null, Arrays.asList(new ACL(Perms.ALL, new Id("ip", "10.1.2.3")),
                    new ACL(Perms.ADMIN, alice)), CreateMode.PERSISTENT);
            assertThat(anon.getData("/acl-ip", false, null)).isNull(); // created with null data
            assertThatThrownBy(() -> anon.setData("/acl-ip", null, -1)).isInstanceOf(KeeperException.NoAuthException.class);
            anon.setData("/acl-net", "x".getBytes(UTF_8), -1);
            assertThatThrownBy(() -> anon.getData("/acl-far", false, null)).isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> zk.create("/acl-bad", null, Arrays.asList(new ACL(Perms.ALL, new Id("ip", "999.1"))),
                    CreateMode.PERSISTENT)).isInstanceOf(KeeperException.InvalidACLException.class);

            Stat aclStat = zk.setACL("/acl-far", OPEN, 0);
            assertThat(aclStat.getAversion()).isEqualTo(1);
            assertThatThrownBy(() -> zk.setACL("/acl-far", OPEN, 0)).isInstanceOf(KeeperException.BadVersionException.class);
            CompletableFuture<Stat> asyncSetAcl = new CompletableFuture<>();
            zk.setACL("/acl-far", Ids.READ_ACL_UNSAFE, 1, (rc, p, c, s) -> asyncSetAcl.complete(s), null);
            assertThat(await(asyncSetAcl).getAversion()).isEqualTo(2);
            CompletableFuture<List<ACL>> asyncGetAcl = new CompletableFuture<>();
            zk.getACL("/acl-far", new Stat(), (rc, p, c, acl, s) -> asyncGetAcl.complete(acl), null);
            assertThat(await(asyncGetAcl)).isEqualTo(Ids.READ_ACL_UNSAFE);

            root.addAuthInfo("digest", "super:secret".getBytes(UTF_8));
            assertThat(root.getData("/acl-alice", false, null)).isEqualTo("v2".getBytes(UTF_8));
            root.setData("/acl-far", "super".getBytes(UTF_8), -1);
            root.setACL("/acl-alice", OPEN, -1);
            assertThat(anon.getData("/acl-alice", false, null)).isEqualTo("v2".getBytes(UTF_8));
        } finally {
            anon.close();
            bob.close();
            alice2.close();
            root.close();
        }
    }

    @Test
    void whoAmIReportsIpAndDigestIdentities() throws Exception {
        assertThat(zk.whoAmI()).extracting(c -> c.getAuthScheme() + ":" + c.getUser()).containsExactly("ip:127.0.0.1");
        zk.addAuthInfo("digest", "carol:pw".getBytes(UTF_8));
        assertThat(zk.whoAmI()).extracting(c -> c.getAuthScheme() + ":" + c.getUser())
                .containsExactlyInAnyOrder("ip:127.0.0.1", "digest:carol");
    }

    @Test
    void multiAndTransactionReportPerOpResults() throws Exception {
        zk.create("/tx", "0".getBytes(UTF_8), OPEN, CreateMode.PERSISTENT);
        List<OpResult> ok = zk.multi(List.of(
                Op.create("/tx/a", null, OPEN, CreateMode.PERSISTENT),
                Op.setData("/tx", "1".getBytes(UTF_8), 0),
                Op.check("/tx", 1),
                Op.create("/tx/b", null, OPEN, CreateMode.PERSISTENT),
                Op.delete("/tx/b", 0)));
        assertThat(ok).hasExactlyElementsOfTypes(OpResult.CreateResult.class, OpResult.SetDataResult.class,
                OpResult.CheckResult.class, OpResult.CreateResult.class, OpResult.DeleteResult.class);
        assertThat(((OpResult.SetDataResult) ok.get(1)).getStat().getVersion()).isEqualTo(1);

        List<OpResult> failed = Zk.multiResults(zk, List.of(
                Op.create("/tx/c", null, OPEN, CreateMode.PERSISTENT),
                Op.check("/tx", 7),
                Op.setData("/tx", null, -1)));
        assertThat(failed).extracting(r -> ((OpResult.ErrorResult) r).getErr())
                .containsExactly(Code.OK.intValue(), Code.BADVERSION.intValue(), Code.RUNTIMEINCONSISTENCY.intValue());
        assertThat(zk.exists("/tx/c", false)).isNull();
        assertThat(zk.exists("/tx", false).getVersion()).isEqualTo(1);

        CompletableFuture<Integer> asyncRc = new CompletableFuture<>();
        zk.multi(List.of(Op.delete("/tx/missing", -1)), (rc, p, c, results) -> asyncRc.complete(rc), null);
        assertThat(await(asyncRc)).isEqualTo(Code.NONODE.intValue());

        List<OpResult> reads = Zk.multiResults(zk, List.of(Op.getData("/tx"), Op.getData("/tx/none"),
                Op.getChildren("/tx")));
        assertThat(((OpResult.GetDataResult) reads.get(0)).getData()).isEqualTo("1".getBytes(UTF_8));
        assertThat(((OpResult.ErrorResult) reads.get(1)).getErr()).isEqualTo(Code.NONODE.intValue());
        assertThat(((OpResult.GetChildrenResult) reads.get(2)).getChildren()).containsExactly("a");
        List<OpResult> readsOk = zk.multi(List.of(Op.getChildren("/tx"), Op.getData("/tx/a")));
        assertThat(readsOk).hasExactlyElementsOfTypes(OpResult.GetChildrenResult.class, OpResult.GetDataResult.class);

        List<OpResult> txn = zk.transaction().create("/tx/t", "t".getBytes(UTF_8), OPEN, CreateMode.EPHEMERAL)
                .setData("/tx/t", "u".getBytes(UTF_8), 0).check("/tx/a", 0).commit();
        assertThat(txn).hasSize(3);
        assertThat(zk.getData("/tx/t", false, null)).isEqualTo("u".getBytes(UTF_8));
        CompletableFuture<List<OpResult>> asyncTxn = new CompletableFuture<>();
        zk.transaction().delete("/tx/t", 1).delete("/tx/a", 0)
                .commit((rc, p, c, results) -> asyncTxn.complete(rc == 0 ? results : null), null);
        assertThat(await(asyncTxn)).hasSize(2);
        assertThat(zk.getChildren("/tx", false)).isEmpty();
    }

    @Test
    void adminConfigQuotaAndReconfig() throws Exception {
        assertThat(zk.exists("/zookeeper/quota", false)).isNotNull();
        assertThat(zk.exists("/zookeeper/config", false)).isNotNull();
        assertThat(zk.getChildren("/zookeeper", false)).contains("quota", "config");
        org.apache.zookeeper.admin.ZooKeeperAdmin admin = new org.apache.zookeeper.admin.ZooKeeperAdmin(
                "127.0.0.1:" + server.port(), Zk.SESSION_TIMEOUT_MS, e -> { });
        try {
            admin.addAuthInfo("digest", "super:secret".getBytes(UTF_8));
            Stat stat = new Stat();
            assertThat(admin.getConfig(false, stat)).isNotNull();
            CompletableFuture<Integer> asyncConfig = new CompletableFuture<>();
            admin.getConfig(false, (rc, p, c, data, s) -> asyncConfig.complete(rc), null);
            assertThat(await(asyncConfig)).isZero();
            assertThatThrownBy(() -> admin.reconfigure("server.2=127.0.0.1:2888:3888;2182", null, null, -1, new Stat()))
                    .isInstanceOfSatisfying(KeeperException.class, e -> assertThat(e.code())
                            .isIn(Code.UNIMPLEMENTED, Code.RECONFIGDISABLED));
            assertThat(admin.exists("/", false)).isNotNull(); // the session survives the refusal
        } finally {
            admin.close();
        }
    }

    @Test
    void largeDataUpToTheLimitAndOversizedRequestsDropOnlyThatConnection() throws Exception {
        byte[] big = new byte[1024 * 1024 - 1024];
        Arrays.fill(big, (byte) 'q');
        zk.create("/big", big, OPEN, CreateMode.PERSISTENT);
        assertThat(zk.getData("/big", false, null)).isEqualTo(big);

        Zk.Events bystanderEvents = new Zk.Events();
        ZooKeeper bystander = Zk.connect(server.port(), Zk.SESSION_TIMEOUT_MS, bystanderEvents);
        try {
            long session = zk.getSessionId();
            byte[] tooBig = new byte[1024 * 1024 + 512 * 1024];
            assertThatThrownBy(() -> zk.setData("/big", tooBig, -1))
                    .isInstanceOf(KeeperException.ConnectionLossException.class);
            assertThat(bystander.getData("/big", false, null)).hasSize(big.length);
            assertThat(bystanderEvents.queue).allMatch(e -> e.getState() == org.apache.zookeeper.Watcher.Event
                    .KeeperState.SyncConnected);
            org.awaitility.Awaitility.await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).ignoreExceptions()
                    .until(() -> zk.exists("/big", false) != null);
            assertThat(zk.getSessionId()).isEqualTo(session);
            assertThat(zk.exists("/big", false).getVersion()).isZero();
        } finally {
            bystander.close();
        }
    }
}
