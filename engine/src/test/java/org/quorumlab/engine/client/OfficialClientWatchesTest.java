package org.quorumlab.engine.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.client.Zk.WAIT_SECONDS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/** Watches (one-shot, persistent, recursive, removal), event ordering and session re-attach with the 3.9 client. */
class OfficialClientWatchesTest {

    @TempDir
    static Path dir;
    static QuorumLabServer server;
    ZooKeeper zk;
    ZooKeeper writer;

    @BeforeAll
    static void startServer() {
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() throws Exception {
        zk = Zk.connect(server.port());
        writer = Zk.connect(server.port());
    }

    @AfterEach
    void disconnect() {
        Zk.closeQuietly(zk);
        Zk.closeQuietly(writer);
    }

    private static String describe(WatchedEvent e) {
        return e.getType() + " " + e.getPath();
    }

    /**
     * Collects node events up to a marker node's creation: events of one session arrive in zxid
     * order, so anything missing before the marker was never sent.
     */
    private List<String> eventsUntilMarker(Zk.Events events, String marker) throws Exception {
        zk.exists(marker, events);
        writer.create(marker, null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        List<String> seen = new ArrayList<>();
        while (true) {
            WatchedEvent e = events.nextNode();
            if (marker.equals(e.getPath()) && e.getType() == EventType.NodeCreated) {
                return seen;
            }
            seen.add(describe(e));
        }
    }

    @Test
    void oneShotWatchesFireOnceSyncAndAsync() throws Exception {
        Zk.Events events = new Zk.Events();
        writer.create("/once", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.getData("/once", events, null);
        zk.getChildren("/once", events);
        zk.exists("/once-new", events);
        writer.setData("/once", "1".getBytes(UTF_8), -1);
        writer.setData("/once", "2".getBytes(UTF_8), -1);
        writer.create("/once/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/once/kid2", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/once-new", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.delete("/once-new", -1);
        assertThat(eventsUntilMarker(events, "/once-m1")).containsExactly("NodeDataChanged /once",
                "NodeChildrenChanged /once", "NodeCreated /once-new");

        CompletableFuture<Integer> armed = new CompletableFuture<>();
        zk.getData("/once/kid", events, (rc, p, c, d, s) -> armed.complete(rc), null);
        assertThat(armed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        CompletableFuture<Integer> armedChildren = new CompletableFuture<>();
        zk.getChildren("/once", events, (rc, p, c, kids) -> armedChildren.complete(rc), null);
        assertThat(armedChildren.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        writer.delete("/once/kid", -1);
        assertThat(eventsUntilMarker(events, "/once-m2")).containsExactlyInAnyOrder("NodeDeleted /once/kid",
                "NodeChildrenChanged /once");
    }

    @Test
    void persistentWatchSeesNodeAndChildChangesWithoutRearming() throws Exception {
        Zk.Events events = new Zk.Events();
        writer.create("/pw", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.addWatch("/pw", events, AddWatchMode.PERSISTENT);
        writer.setData("/pw", "1".getBytes(UTF_8), -1);
        writer.setData("/pw", "2".getBytes(UTF_8), -1);
        writer.create("/pw/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.setData("/pw/c", "x".getBytes(UTF_8), -1);
        writer.delete("/pw/c", -1);
        writer.delete("/pw", -1);
        writer.create("/pw", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThat(eventsUntilMarker(events, "/pw-m")).containsExactly("NodeDataChanged /pw", "NodeDataChanged /pw",
                "NodeChildrenChanged /pw", "NodeChildrenChanged /pw", "NodeDeleted /pw", "NodeCreated /pw");
    }

    @Test
    void recursiveWatchSeesDescendantsButNoChildrenChanged() throws Exception {
        Zk.Events events = new Zk.Events();
        writer.create("/rw", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        CompletableFuture<Integer> added = new CompletableFuture<>();
        zk.addWatch("/rw", events, AddWatchMode.PERSISTENT_RECURSIVE, (rc, p, c) -> added.complete(rc), null);
        assertThat(added.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        writer.create("/rw/a", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/rw/a/b", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.setData("/rw/a/b", "x".getBytes(UTF_8), -1);
        writer.setData("/rw/a/b", "y".getBytes(UTF_8), -1);
        writer.delete("/rw/a/b", -1);
        writer.create("/rwx", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT); // sibling prefix, not below /rw
        writer.setData("/rw", "z".getBytes(UTF_8), -1);
        assertThat(eventsUntilMarker(events, "/rw-m")).containsExactly("NodeCreated /rw/a", "NodeCreated /rw/a/b",
                "NodeDataChanged /rw/a/b", "NodeDataChanged /rw/a/b", "NodeDeleted /rw/a/b", "NodeDataChanged /rw");
    }

    @Test
    void removeWatchesAndRemoveAllWatches() throws Exception {
        Zk.Events events = new Zk.Events();
        Zk.Events other = new Zk.Events();
        writer.create("/rm", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.getData("/rm", events, null);
        zk.getData("/rm", other, null);
        zk.removeWatches("/rm", events, WatcherType.Data, false);
        assertThat(events.nextNode().getType()).isEqualTo(EventType.DataWatchRemoved);
        assertThatThrownBy(() -> zk.removeWatches("/rm", events, WatcherType.Data, false))
                .isInstanceOf(KeeperException.NoWatcherException.class);
        writer.setData("/rm", "1".getBytes(UTF_8), -1);
        assertThat(describe(other.nextNode())).isEqualTo("NodeDataChanged /rm");

        zk.getChildren("/rm", events);
        zk.exists("/rm", events);
        zk.addWatch("/rm", events, AddWatchMode.PERSISTENT_RECURSIVE);
        CompletableFuture<Integer> removed = new CompletableFuture<>();
        zk.removeAllWatches("/rm", WatcherType.Any, false, (rc, p, c) -> removed.complete(rc), null);
        assertThat(removed.get(WAIT_SECONDS, TimeUnit.SECONDS)).isZero();
        List<String> seen = new ArrayList<>();
        writer.setData("/rm", "2".getBytes(UTF_8), -1);
        writer.create("/rm/kid", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        seen.addAll(eventsUntilMarker(events, "/rm-m"));
        assertThat(seen).isNotEmpty().allMatch(s -> s.contains("WatchRemoved"));
        assertThatThrownBy(() -> zk.removeAllWatches("/rm", WatcherType.Any, false))
                .isInstanceOf(KeeperException.NoWatcherException.class);
    }

    @Test
    void watchEventArrivesBeforeTheReplyThatObservesTheChange() throws Exception {
        writer.create("/order", "old".getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> log = new CopyOnWriteArrayList<>();
        zk.getData("/order", e -> log.add("event " + e.getType()), null);
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.setData("/order", "new".getBytes(UTF_8), -1, (rc, p, c, s) -> { }, null);
        pollUntilNew(log, done);
        done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        int firstNew = log.indexOf("data new");
        assertThat(log.subList(0, firstNew)).contains("event NodeDataChanged");
    }

    /** Issues async reads until one observes the new value; callbacks and events share one thread. */
    private void pollUntilNew(List<String> log, CompletableFuture<Void> done) {
        zk.getData("/order", false, (rc, p, c, data, s) -> {
            String value = new String(data, UTF_8);
            log.add("data " + value);
            if ("new".equals(value)) {
                done.complete(null);
            } else if (!done.isDone()) {
                pollUntilNew(log, done);
            }
        }, null);
    }

    @Test
    void watchesSurviveAReconnect() throws Exception {
        Zk.Events oneShot = new Zk.Events();
        Zk.Events recursive = new Zk.Events(); // a separate watcher: the client calls each watcher once per event
        Zk.Events state = new Zk.Events();
        ZooKeeper client = Zk.connect(server.port(), Zk.SESSION_TIMEOUT_MS, state);
        try {
            writer.create("/again", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            client.getData("/again", oneShot, null);
            client.addWatch("/again", recursive, AddWatchMode.PERSISTENT_RECURSIVE);
            client.getTestable().closeSocket();
            state.awaitState(KeeperState.Disconnected);
            state.awaitState(KeeperState.SyncConnected);
            writer.setData("/again", "1".getBytes(UTF_8), -1);
            assertThat(describe(oneShot.nextNode())).isEqualTo("NodeDataChanged /again");
            assertThat(describe(recursive.nextNode())).isEqualTo("NodeDataChanged /again");
        } finally {
            client.close();
        }
    }

    @Test
    void reattachingASessionMovesItAndKeepsItsEphemerals() throws Exception {
        Zk.Events firstState = new Zk.Events();
        ZooKeeper first = Zk.connect(server.port(), Zk.SESSION_TIMEOUT_MS, firstState);
        long id = first.getSessionId();
        first.create("/moved", "e".getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        ZooKeeper second = Zk.reattach(server.port(), Zk.SESSION_TIMEOUT_MS, id, first.getSessionPasswd(), e -> { });
        try {
            firstState.awaitState(KeeperState.Disconnected);
            first.getTestable().injectSessionExpiration(); // stop the old handle locally, without closeSession
            assertThat(second.getSessionId()).isEqualTo(id);
            await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).ignoreExceptions()
                    .until(() -> second.exists("/moved", false).getEphemeralOwner() == id);
            assertThat(second.getEphemerals()).containsExactly("/moved");
            assertThat(writer.exists("/moved", false).getEphemeralOwner()).isEqualTo(id);
        } finally {
            second.close();
            first.close();
        }
        assertThat(writer.exists("/moved", false)).isNull(); // closing the new handle ends the session
    }

    @Test
    void wrongPasswordOrUnknownSessionIsExpired() throws Exception {
        Zk.Events state = new Zk.Events();
        byte[] bad = new byte[16];
        ZooKeeper ghost = new ZooKeeper("127.0.0.1:" + server.port(), Zk.SESSION_TIMEOUT_MS, state,
                writer.getSessionId(), bad);
        try {
            state.awaitState(KeeperState.Expired);
            assertThat(writer.exists("/", false)).isNotNull();
        } finally {
            ghost.close();
        }
    }
}
