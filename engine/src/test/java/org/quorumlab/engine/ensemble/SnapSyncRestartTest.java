package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.SyncMode;

/**
 * A follower that missed more than the leader keeps in its log is synced by SNAP: it stores the leader's
 * snapshot as chunks, and after another restart recovers from that snapshot plus its own log.
 */
class SnapSyncRestartTest {

    private static final int SNAP_COUNT = 50;

    @TempDir
    Path dir;

    @Test
    void aFollowerSyncedBySnapRecoversFromTheInstalledSnapshotAfterARestart() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.configs.replaceAll((id, c) -> c.toBuilder().snapCount(SNAP_COUNT).build());
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long follower = e.configs.keySet().stream().filter(id -> id != leader).findFirst().orElseThrow();
            String others = e.configs.keySet().stream().filter(id -> id != follower).map(e::connectString)
                    .reduce((a, b) -> a + "," + b).orElseThrow();

            ZooKeeper zk = ClientHelpers.connect(others);
            retry(() -> zk.create("/s", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            write(zk, 0, 20);
            e.stop(follower);
            // several snapshot intervals: the leader's log no longer reaches back to what the follower has
            write(zk, 20, 6 * SNAP_COUNT);

            List<Event.SyncModeChosen> syncs = new CopyOnWriteArrayList<>();
            e.server(leader).zab().addEventSink(ev -> {
                if (ev instanceof Event.SyncModeChosen s && s.peer() == follower) {
                    syncs.add(s);
                }
            });
            e.start(follower);
            await().atMost(Duration.ofSeconds(30)).until(() -> !syncs.isEmpty());
            assertThat(syncs.get(0).mode()).isEqualTo(SyncMode.SNAP);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(follower).pipeline().isServing());
            write(zk, 6 * SNAP_COUNT, 6 * SNAP_COUNT + 10);
            expectAll(e, follower, 6 * SNAP_COUNT + 10);

            e.stop(follower);
            e.start(follower);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(follower).pipeline().isServing());
            expectAll(e, follower, 6 * SNAP_COUNT + 10);
            zk.close();
        }
    }

    private static void write(ZooKeeper zk, int from, int to) {
        for (int i = from; i < to; i++) {
            int n = i;
            retry(() -> zk.create("/s/n" + n, ("v" + n).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT));
        }
    }

    /** Reads every node from {@code server} alone, after a sync so that it has applied all of them. */
    private static void expectAll(LocalEnsemble e, long server, int count) throws Exception {
        ZooKeeper only = ClientHelpers.connect(e.connectString(server));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(retry(() -> only.getChildren("/s", false))).hasSize(count));
            for (int i = 0; i < count; i += 37) {
                int n = i;
                assertThat(new String(retry(() -> only.getData("/s/n" + n, false, null)), StandardCharsets.UTF_8))
                        .isEqualTo("v" + n);
            }
        } finally {
            only.close();
        }
    }
}
