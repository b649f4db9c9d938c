package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.connect;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, ephemerals, observers and partitions on an in-process ensemble. */
class EnsembleBehaviourTest {

    @TempDir
    Path dir;

    @Test
    void sessionMovesToAnotherServerAndItsEphemeralDisappearsEverywhereOnExpiry() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long follower = e.servers.keySet().stream().filter(id -> id != e.leaderId()).findFirst().orElseThrow();
            long other = e.servers.keySet().stream().filter(id -> id != e.leaderId() && id != follower).findFirst()
                    .orElseThrow();
            ZooKeeper owner = connect(e.connectString(follower));
            retry(() -> owner.create("/lock", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL));
            ZooKeeper moved = connect(e.connectString(other), owner.getSessionId(), owner.getSessionPasswd());
            assertThat(moved.getSessionId()).isEqualTo(owner.getSessionId());
            moved.sync("/lock", (rc, p, c) -> { }, null);
            assertThat(retry(() -> moved.exists("/lock", false)).getEphemeralOwner()).isEqualTo(owner.getSessionId());
            ZooKeeper observer = connect(e.connectString(e.leaderId()));
            // The session's only client stops talking: its server is shut down and it knows no other.
            owner.close();
            moved.getTestable().injectSessionExpiration();
            e.stop(other);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                observer.sync("/", (rc, p, c) -> { }, null);
                assertThat(observer.exists("/lock", false)).isNull();
            });
            observer.close();
        }
    }

    @Test
    void clientSessionExpiresWhenItsServerDiesAndEphemeralVanishesOnSurvivors() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long follower = e.servers.keySet().stream().filter(id -> id != e.leaderId()).findFirst().orElseThrow();
            ZooKeeper doomed = new ZooKeeper(e.connectString(follower), 2000, ev -> { });
            retry(() -> doomed.create("/member", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL));
            ZooKeeper watcher = connect(e.connectString(e.leaderId()));
            assertThat(retry(() -> watcher.exists("/member", false))).isNotNull();
            e.stop(follower);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(watcher.exists("/member", false)).isNull());
            doomed.close();
            watcher.close();
        }
    }

    @Test
    void observerLearnsCommitsButNeverCountsTowardsQuorum() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 1, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0
                    && e.server(4).mode().equals("observer"));
            ZooKeeper viaObserver = connect(e.connectString(4));
            retry(() -> viaObserver.create("/o", "1".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            ZooKeeper viaLeader = connect(e.connectString(e.leaderId()));
            assertThat(new String(retry(() -> viaLeader.getData("/o", false, null)))).isEqualTo("1");
            // Two voters down: the remaining voter plus the observer are not a quorum.
            long leader = e.leaderId();
            for (long id : Set.of(1L, 2L, 3L)) {
                if (id != leader) {
                    e.stop(id);
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !e.server(leader).pipeline().isServing());
            await().atMost(Duration.ofSeconds(30)).until(() -> !e.server(4).pipeline().isServing());
            viaObserver.close();
            viaLeader.close();
        }
    }

    @Test
    void minorityPartitionStopsServingAndCatchesUpAfterHeal() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long isolated = e.servers.keySet().stream().filter(id -> id != leader).findFirst().orElseThrow();
            Set<Long> others = Set.of(1L, 2L, 3L).stream().filter(id -> id != isolated)
                    .collect(java.util.stream.Collectors.toSet());
            e.server(isolated).zab().transport().faults().block(others);
            for (long id : others) {
                e.server(id).zab().transport().faults().block(Set.of(isolated));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !e.server(isolated).pipeline().isServing());
            ZooKeeper majority = connect(e.connectString(leader));
            for (int i = 0; i < 20; i++) {
                int n = i;
                retry(() -> majority.create("/p" + n, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            for (long id : Set.of(1L, 2L, 3L)) {
                e.server(id).zab().transport().faults().heal();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(isolated).pipeline().isServing());
            ZooKeeper healed = connect(e.connectString(isolated));
            healed.sync("/", (rc, p, c) -> { }, null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(healed.exists("/p19", false)).isNotNull());
            majority.close();
            healed.close();
        }
    }
}
