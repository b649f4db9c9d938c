package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.connect;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that loses its leader keeps its clients: their connections and watches stay, their
 * requests wait and complete once a new leader is established, each write exactly once. A server
 * that finds no leader (a minority) closes its connections within the bound, and the session
 * survives on the majority.
 */
class FailoverWithoutDisconnectTest {

    private static final int TICK = 100;

    @TempDir
    Path dir;

    @Test
    void aClientOnASurvivingFollowerSeesNoErrorNoDisconnectAndItsWatchFires() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, TICK)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long oldLeader = e.leaderId();
            long follower = e.servers.keySet().stream().filter(id -> id != oldLeader).findFirst().orElseThrow();
            List<Watcher.Event.KeeperState> states = new CopyOnWriteArrayList<>();
            CountDownLatch watchFired = new CountDownLatch(1);
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper client = new ZooKeeper(e.connectString(follower), 2000, ev -> {
                if (ev.getType() == Watcher.Event.EventType.None) {
                    states.add(ev.getState());
                    connected.countDown();
                }
            });
            assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
            long session = client.getSessionId();
            retry(() -> client.create("/seq", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            retry(() -> client.create("/watched", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            client.getData("/watched", (WatchedEvent ev) -> {
                if (ev.getType() == Watcher.Event.EventType.NodeDataChanged) {
                    watchFired.countDown();
                }
            }, null);

            Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            AtomicInteger afterFailover = new AtomicInteger();
            long[] newLeader = {-1};
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                // stopped by a flag, not an interrupt: an interrupted create may still be executed
                while (!stop.get() && errors.isEmpty()) {
                    try {
                        acknowledged.add(client.create("/seq/w-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                                CreateMode.PERSISTENT_SEQUENTIAL));
                        if (newLeader[0] > 0) {
                            afterFailover.incrementAndGet();
                        }
                    } catch (InterruptedException ie) {
                        return;
                    } catch (Exception ex) {
                        errors.add(ex);
                    }
                }
            }, "continuous-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

            e.stop(oldLeader);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long l = e.leaderId();
                return l > 0 && l != oldLeader;
            });
            newLeader[0] = e.leaderId();
            await().atMost(Duration.ofSeconds(30)).until(() -> afterFailover.get() >= 20 || !errors.isEmpty());
            stop.set(true);
            writer.join(30_000);

            assertThat(errors).as("errors seen by the client on the surviving follower").isEmpty();
            assertThat(states).as("connection states: connected once, never disconnected")
                    .containsExactly(Watcher.Event.KeeperState.SyncConnected);
            assertThat(client.getSessionId()).isEqualTo(session);

            ZooKeeper other = connect(e.connectString(newLeader[0]));
            retry(() -> other.setData("/watched", "changed".getBytes(), -1));
            assertThat(watchFired.await(30, TimeUnit.SECONDS)).as("watch set before the failover fired").isTrue();

            other.sync("/seq", (rc, p, c) -> { }, null);
            Set<String> children = new HashSet<>(retry(() -> other.getChildren("/seq", false)));
            Set<String> acked = acknowledged.stream().map(p -> p.substring("/seq/".length()))
                    .collect(Collectors.toSet());
            assertThat(children).as("each acknowledged write exactly once, nothing else").isEqualTo(acked);
            other.close();
            client.close();
        }
    }

    @Test
    void aMinorityServerClosesItsConnectionsWithinTheBoundAndTheSessionLivesOnTheMajority() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, TICK)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long isolated = e.servers.keySet().stream().filter(id -> id != leader).findFirst().orElseThrow();
            CountDownLatch disconnected = new CountDownLatch(1);
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper client = new ZooKeeper(e.connectString(isolated), 2000, ev -> {
                if (ev.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                } else if (ev.getState() == Watcher.Event.KeeperState.Disconnected) {
                    disconnected.countDown();
                }
            });
            assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
            retry(() -> client.create("/member", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL));

            Set<Long> others = e.servers.keySet().stream().filter(id -> id != isolated).collect(Collectors.toSet());
            e.server(isolated).zab().transport().faults().block(others);
            for (long id : others) {
                e.server(id).zab().transport().faults().block(Set.of(isolated));
            }
            assertThat(disconnected.await(30, TimeUnit.SECONDS)).as("the minority server let its client go").isTrue();
            assertThat(e.server(isolated).pipeline().isServing()).isFalse();

            ZooKeeper moved = connect(e.connectString(leader), client.getSessionId(), client.getSessionPasswd());
            assertThat(moved.getSessionId()).isEqualTo(client.getSessionId());
            assertThat(retry(() -> moved.exists("/member", false)).getEphemeralOwner())
                    .as("the session and its ephemeral survive on the majority").isEqualTo(client.getSessionId());
            for (long id : e.servers.keySet()) {
                e.server(id).zab().transport().faults().heal();
            }
            moved.close();
            client.close();
        }
    }
}
