package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every server of an ensemble stops and starts again. A session created after the last snapshot
 * (it exists only in the logs) is known on every server once it serves again: the client
 * re-attaches to each of them in turn, and its ephemeral is still there.
 */
class WholeEnsembleRestartTest {

    @TempDir
    Path dir;

    @Test
    void aSessionOnlyInTheLogSurvivesARestartOfEveryServerAndReattachesAnywhere() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            ZooKeeper owner = ClientHelpers.connect(e.connectString());
            retry(() -> owner.create("/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL));
            long session = owner.getSessionId();
            byte[] password = owner.getSessionPasswd();
            for (long id : e.configs.keySet()) {
                e.stop(id);
            }
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);

            for (long id : e.configs.keySet()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> e.server(id).pipeline().isServing());
                AtomicBoolean expired = new AtomicBoolean();
                CountDownLatch connected = new CountDownLatch(1);
                ZooKeeper again = new ZooKeeper(e.connectString(id), 15_000, ev -> {
                    if (ev.getState() == KeeperState.Expired) {
                        expired.set(true);
                        connected.countDown();
                    } else if (ev.getState() == KeeperState.SyncConnected) {
                        connected.countDown();
                    }
                }, session, password);
                try {
                    assertThat(connected.await(30, TimeUnit.SECONDS)).as("answered by server %d", id).isTrue();
                    assertThat(expired).as("session refused by server %d", id).isFalse();
                    assertThat(again.getSessionId()).isEqualTo(session);
                    Stat stat = retry(() -> again.exists("/eph", false));
                    assertThat(stat).as("ephemeral seen on server %d", id).isNotNull();
                    assertThat(stat.getEphemeralOwner()).isEqualTo(session);
                } finally {
                    // Detach without closing the session: the next server must still know it.
                    again.getTestable().injectSessionExpiration();
                }
            }
            owner.getTestable().injectSessionExpiration();
        }
    }
}
