package org.quorumlab.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.CheckWatchesRequest;
import org.quorumlab.engine.proto.CreateTTLRequest;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.RemoveWatchesRequest;

/**
 * Every ZooKeeper error code a client can provoke, produced by the official client against
 * QuorumLab, plus the server-side lifecycles behind several of them: container and TTL reaping,
 * ephemerals on close and expiry, sequential suffixes and stat bookkeeping. The server uses a
 * 200 ms tick and a 100 ms container check so the timed behaviours finish quickly.
 */
class ErrorCodeTest {

    private static final List<Acl> OPEN = List.of(new Acl(Perms.ALL, new org.quorumlab.engine.proto.Id("world", "anyone")));
    private static final long WAIT_MS = 10_000;

    @TempDir
    static Path dir;

    private static QuorumLabServer server;

    @BeforeAll
    static void startServer() {
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir.resolve("server")).toBuilder()
                .tickTime(200)
                .minSessionTimeout(400) // toBuilder() keeps the bounds derived from the default tick
                .maxSessionTimeout(4_000)
                .containerCheckIntervalMs(100)
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ClientSession session() throws Exception {
        return ClientSession.open(server.port(), 4_000, null);
    }

    private static void assertCode(Code expected, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(KeeperException.class,
                e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Test
    void dataErrors() throws Exception {
        try (ClientSession s = session()) {
            ZooKeeper zk = s.zk();
            assertCode(Code.NONODE, () -> zk.getData("/ec-missing", false, null));
            assertCode(Code.NONODE, () -> zk.create("/ec-missing/child", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            zk.create("/ec", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertCode(Code.NODEEXISTS, () -> zk.create("/ec", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            assertCode(Code.BADVERSION, () -> zk.setData("/ec", new byte[1], 7));
            zk.create("/ec/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertCode(Code.NOTEMPTY, () -> zk.delete("/ec", -1));
            zk.create("/ec/eph", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertCode(Code.NOCHILDRENFOREPHEMERALS,
                    () -> zk.create("/ec/eph/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            assertCode(Code.BADARGUMENTS, () -> zk.delete("/zookeeper", -1));
            assertCode(Code.BADARGUMENTS, () -> zk.delete("/zookeeper/quota", -1));
        }
    }

    @Test
    void aclErrors() throws Exception {
        try (ClientSession anon = session(); ClientSession alice = session()) {
            alice.zk().addAuthInfo("digest", "alice:pw".getBytes(StandardCharsets.UTF_8));
            Id aliceId = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:pw"));
            alice.zk().create("/acl-private", new byte[0], Collections.singletonList(new ACL(Perms.ALL, aliceId)), CreateMode.PERSISTENT);
            assertCode(Code.NOAUTH, () -> anon.zk().getData("/acl-private", false, null));
            assertCode(Code.NOAUTH, () -> anon.zk().setData("/acl-private", new byte[0], -1));
            assertCode(Code.NOAUTH, () -> anon.zk().create("/acl-private/x", null, Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT));
            assertThat(alice.zk().getData("/acl-private", false, null)).isEmpty();
            // "auth" needs an authenticated identity; malformed ids are refused
            assertCode(Code.INVALIDACL, () -> anon.zk().create("/acl-creator", null, Ids.CREATOR_ALL_ACL,
                    CreateMode.PERSISTENT));
            assertCode(Code.INVALIDACL, () -> anon.zk().create("/acl-bad", null,
                    Collections.singletonList(new ACL(Perms.ALL, new Id("ip", "300.1.1.1"))), CreateMode.PERSISTENT));
            assertCode(Code.INVALIDACL, () -> anon.zk().setACL("/acl-private", Collections.singletonList(
                    new ACL(Perms.ALL, new Id("nosuchscheme", "x"))), -1));
            alice.zk().create("/acl-creator", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
            assertThat(alice.zk().getACL("/acl-creator", new Stat())).containsExactly(new ACL(Perms.ALL, aliceId));
        }
    }

    @Test
    void ttlWithZeroTtlIsBadArgumentsOnTheWire() throws Exception {
        try (RawConnection raw = new RawConnection(server.port())) {
            assertThat(raw.handshake(0, new byte[16], WAIT_MS).timeOut()).isPositive();
            RawConnection.Reply reply = raw.call(1, OpCode.createTTL,
                    new CreateTTLRequest("/ttl-zero", new byte[0], OPEN, CreateMode.PERSISTENT_WITH_TTL.toFlag(), 0), WAIT_MS);
            assertThat(reply.header().err()).isEqualTo(ErrorCode.BADARGUMENTS.intValue());
        }
    }

    @Test
    void ttlNodesAreUnimplementedWithoutExtendedTypes(@TempDir Path other) throws Exception {
        ServerConfig config = ServerConfig.standalone(0, other).toBuilder().extendedTypesEnabled(false).build();
        try (QuorumLabServer plain = QuorumLabServer.start(config);
                ClientSession s = ClientSession.open(plain.port(), 10_000, null)) {
            assertCode(Code.UNIMPLEMENTED, () -> s.zk().create("/ttl", null, Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_WITH_TTL, new Stat(), 60_000));
        }
    }

    @Test
    void noWatcherFromClientAndServer() throws Exception {
        try (ClientSession s = session()) {
            s.zk().create("/nw", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertCode(Code.NOWATCHER, () -> s.zk().removeWatches("/nw", s, WatcherType.Data, false));
            assertCode(Code.NOWATCHER, () -> s.zk().removeAllWatches("/nw", WatcherType.Any, false));
            s.zk().exists("/nw", s);
            s.zk().removeWatches("/nw", s, WatcherType.Data, false);
        }
        // the server's own answer, without the client's local bookkeeping in front of it
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.handshake(0, new byte[16], WAIT_MS);
            assertThat(raw.call(1, OpCode.checkWatches, new CheckWatchesRequest("/nw", 1), WAIT_MS).header().err())
                    .isEqualTo(ErrorCode.NOWATCHER.intValue());
            assertThat(raw.call(2, OpCode.removeWatches, new RemoveWatchesRequest("/nw", 3), WAIT_MS).header().err())
                    .isEqualTo(ErrorCode.NOWATCHER.intValue());
        }
    }

    @Test
    void unknownAuthSchemeFailsTheSession() throws Exception {
        try (ClientSession s = session()) {
            s.zk().addAuthInfo("nosuchscheme", "x".getBytes(StandardCharsets.UTF_8));
            KeeperState state;
            do {
                state = s.states().poll(WAIT_MS, TimeUnit.MILLISECONDS);
                assertThat(state).as("an AuthFailed event").isNotNull();
            } while (state != KeeperState.AuthFailed);
            assertCode(Code.AUTHFAILED, () -> s.zk().exists("/", false));
        }
    }

    @Test
    void expiredSessionLosesItsEphemeralsAndCannotBeResumed() throws Exception {
        try (ClientSession observer = session(); RawConnection raw = new RawConnection(server.port())) {
            var session = raw.handshake(0, new byte[16], 400, WAIT_MS);
            assertThat(session.timeOut()).isEqualTo(400);
            RawConnection.Reply created = raw.call(1, OpCode.create, new org.quorumlab.engine.proto.CreateRequest(
                    "/expiring", new byte[0], OPEN, CreateMode.EPHEMERAL.toFlag()), WAIT_MS);
            assertThat(created.header().err()).isZero();
            assertThat(observer.zk().exists("/expiring", observer).getEphemeralOwner()).isEqualTo(session.sessionId());
            // the raw session never pings: the server expires it and deletes its ephemeral
            assertThat(raw.awaitClosedByServer(WAIT_MS)).as("server closes the expired session").isTrue();
            assertThat(observer.drainEventsUntil("NodeDeleted /expiring", WAIT_MS)).contains("NodeDeleted /expiring");
            assertThat(observer.zk().exists("/expiring", false)).isNull();
            try (ClientSession resumed = ClientSession.resume(server.port(), session.sessionId(), session.passwd())) {
                assertThat(resumed.states().poll(WAIT_MS, TimeUnit.MILLISECONDS)).isEqualTo(KeeperState.Expired);
                assertCode(Code.SESSIONEXPIRED, () -> resumed.zk().exists("/", false));
            }
        }
    }

    @Test
    void ephemeralsGoWhenTheirSessionCloses() throws Exception {
        try (ClientSession observer = session()) {
            ClientSession owner = session();
            owner.zk().create("/closing", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            assertThat(owner.zk().getEphemerals()).containsExactly("/closing");
            observer.zk().exists("/closing", observer);
            owner.close();
            assertThat(observer.drainEventsUntil("NodeDeleted /closing", WAIT_MS)).contains("NodeDeleted /closing");
            assertThat(observer.zk().exists("/closing", false)).isNull();
        }
    }

    @Test
    void containersAndTtlNodesAreReaped() throws Exception {
        try (ClientSession s = session()) {
            ZooKeeper zk = s.zk();
            zk.create("/box", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            zk.create("/box-never-used", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
            zk.create("/box/item", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Stat ttlStat = new Stat();
            zk.create("/ttl-short", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, ttlStat, 300);
            zk.create("/ttl-parent", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, new Stat(), 300);
            zk.create("/ttl-parent/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertThat(ttlStat.getEphemeralOwner()).as("TTL marker is hidden from clients, as in ZooKeeper").isZero();
            zk.exists("/box", s);
            zk.exists("/ttl-short", s);
            zk.delete("/box/item", -1);
            assertThat(s.drainEventsUntil("NodeDeleted /box", WAIT_MS)).contains("NodeDeleted /box");
            assertThat(s.drainEventsUntil("NodeDeleted /ttl-short", WAIT_MS)).contains("NodeDeleted /ttl-short");
            // a container that never had a child and a TTL node with a child are kept
            assertThat(zk.exists("/box-never-used", false)).isNotNull();
            assertThat(zk.exists("/ttl-parent", false)).isNotNull();
            zk.exists("/ttl-parent", s);
            zk.delete("/ttl-parent/kid", -1);
            assertThat(s.drainEventsUntil("NodeDeleted /ttl-parent", WAIT_MS)).contains("NodeDeleted /ttl-parent");
        }
    }

    @Test
    void sequentialSuffixComesFromTheParentsCreateCount() throws Exception {
        try (ClientSession s = session()) {
            ZooKeeper zk = s.zk();
            zk.create("/seq", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertThat(zk.create("/seq/n-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL))
                    .isEqualTo("/seq/n-0000000000");
            zk.create("/seq/plain", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            zk.delete("/seq/plain", -1);
            assertThat(zk.create("/seq/n-", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL))
                    .isEqualTo("/seq/n-0000000002");
            Stat stat = zk.exists("/seq", false);
            assertThat(stat.getNumChildren()).isEqualTo(2);
            // ZooKeeper reports cversion as creates + deletes: 3 creates, 1 delete
            assertThat(stat.getCversion()).isEqualTo(4);
        }
    }

    @Test
    void statFieldsFollowEachOperation() throws Exception {
        try (ClientSession s = session()) {
            ZooKeeper zk = s.zk();
            Stat created = new Stat();
            zk.create("/st", "abc".getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);
            assertThat(created.getCzxid()).isEqualTo(created.getMzxid()).isEqualTo(created.getPzxid());
            assertThat(created.getVersion()).isZero();
            assertThat(created.getCversion()).isZero();
            assertThat(created.getAversion()).isZero();
            assertThat(created.getDataLength()).isEqualTo(3);
            assertThat(created.getEphemeralOwner()).isZero();
            assertThat(created.getCtime()).isEqualTo(created.getMtime());

            Stat written = zk.setData("/st", "hello".getBytes(StandardCharsets.UTF_8), 0);
            assertThat(written.getVersion()).isEqualTo(1);
            assertThat(written.getMzxid()).isGreaterThan(created.getMzxid());
            assertThat(written.getCzxid()).isEqualTo(created.getCzxid());
            assertThat(written.getPzxid()).isEqualTo(created.getPzxid());
            assertThat(written.getDataLength()).isEqualTo(5);
            assertThat(written.getMtime()).isGreaterThanOrEqualTo(created.getCtime());

            Stat acl = zk.setACL("/st", new ArrayList<>(List.of(new ACL(Perms.ALL, Ids.ANYONE_ID_UNSAFE),
                    new ACL(Perms.READ, new Id("ip", "127.0.0.1")))), 0);
            assertThat(acl.getAversion()).isEqualTo(1);
            assertThat(acl.getMzxid()).as("setACL leaves mzxid").isEqualTo(written.getMzxid());

            Stat eph = new Stat();
            zk.create("/st/e", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL, eph);
            assertThat(eph.getEphemeralOwner()).isEqualTo(zk.getSessionId());
            Stat parent = zk.exists("/st", false);
            assertThat(parent.getNumChildren()).isEqualTo(1);
            assertThat(parent.getCversion()).isEqualTo(1);
            assertThat(parent.getPzxid()).isEqualTo(eph.getCzxid());
            assertThat(parent.getMzxid()).as("child changes leave mzxid").isEqualTo(written.getMzxid());
            zk.delete("/st/e", 0);
            Stat afterDelete = zk.exists("/st", false);
            assertThat(afterDelete.getNumChildren()).isZero();
            assertThat(afterDelete.getCversion()).isEqualTo(2);
            assertThat(afterDelete.getPzxid()).isGreaterThan(eph.getCzxid());

            Stat container = new Stat();
            zk.create("/st-box", null, Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER, container);
            assertThat(container.getEphemeralOwner()).as("container marker is hidden, as in ZooKeeper").isZero();
        }
    }
}
