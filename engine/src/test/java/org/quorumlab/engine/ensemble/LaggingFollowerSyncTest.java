package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.SyncMode;
import org.quorumlab.engine.consensus.Zxid;

/**
 * How a leader syncs a follower that missed writes: by DIFF read back from its transaction log when the
 * follower is behind what the leader keeps in memory, and by SNAP when the leader's log no longer reaches
 * back that far (the follower stores the snapshot as chunks and, after another restart, recovers from it
 * plus its own log).
 */
class LaggingFollowerSyncTest {

    private static final int SNAP_COUNT = 50;

    @TempDir
    Path dir;

    @Test
    void aFollowerBehindTheLeadersInMemoryEntriesIsSyncedByDiffFromTheLeadersLog() throws Exception {
        // more than twice what the leader keeps in memory, all in one snapshot interval (default snapCount)
        int missed = 1200;
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            Lagging lag = Lagging.stopAFollowerAfter20Writes(e);
            long leader = lag.leader();
            long follower = lag.follower();
            ZooKeeper zk = lag.zk();
            writeAsync(zk, 20, 20 + missed);
            long leaderLast = e.server(leader).pipeline().tree().lastProcessedZxid();

            Event.SyncModeChosen sync = lag.restartFollower(e);
            assertThat(sync.mode()).isEqualTo(SyncMode.DIFF);
            // The DIFF starts at the first write the follower missed, further back than the in-memory entries.
            assertThat(Zxid.counterOf(leaderLast) - Zxid.counterOf(sync.fromZxid()) + 1).isGreaterThanOrEqualTo(missed);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(follower).pipeline().isServing());
            expectAll(e, follower, 20 + missed);
            zk.close();
        }
    }

    @Test
    void aFollowerSyncedBySnapRecoversFromTheInstalledSnapshotAfterARestart() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.configs.replaceAll((id, c) -> c.toBuilder().snapCount(SNAP_COUNT).build());
            e.startAll();
            Lagging lag = Lagging.stopAFollowerAfter20Writes(e);
            long follower = lag.follower();
            ZooKeeper zk = lag.zk();
            // several snapshot intervals: the leader's log no longer reaches back to what the follower has
            write(zk, 20, 6 * SNAP_COUNT);

            assertThat(lag.restartFollower(e).mode()).isEqualTo(SyncMode.SNAP);
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

    /** A follower stopped after the first 20 writes, and a client on the two other servers. */
    private record Lagging(long leader, long follower, ZooKeeper zk) {

        static Lagging stopAFollowerAfter20Writes(LocalEnsemble e) throws Exception {
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long follower = e.configs.keySet().stream().filter(id -> id != leader).findFirst().orElseThrow();
            String others = e.configs.keySet().stream().filter(id -> id != follower).map(e::connectString)
                    .reduce((a, b) -> a + "," + b).orElseThrow();
            ZooKeeper zk = ClientHelpers.connect(others);
            retry(() -> zk.create("/s", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            write(zk, 0, 20);
            e.stop(follower);
            return new Lagging(leader, follower, zk);
        }

        /** Starts the follower again; returns how the leader chose to sync it. */
        Event.SyncModeChosen restartFollower(LocalEnsemble e) throws Exception {
            List<Event.SyncModeChosen> syncs = new CopyOnWriteArrayList<>();
            e.server(leader).zab().addEventSink(ev -> {
                if (ev instanceof Event.SyncModeChosen s && s.peer() == follower) {
                    syncs.add(s);
                }
            });
            e.start(follower);
            await().atMost(Duration.ofSeconds(30)).until(() -> !syncs.isEmpty());
            return syncs.get(0);
        }
    }

    private static void write(ZooKeeper zk, int from, int to) {
        for (int i = from; i < to; i++) {
            int n = i;
            retry(() -> zk.create("/s/n" + n, ("v" + n).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT));
        }
    }

    /** Pipelined creates (the quorum is stable meanwhile, so every one must succeed). */
    private static void writeAsync(ZooKeeper zk, int from, int to) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(to - from);
        List<Integer> failures = new CopyOnWriteArrayList<>();
        for (int i = from; i < to; i++) {
            zk.create("/s/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT, (rc, path, ctx, name) -> {
                        if (rc != KeeperException.Code.OK.intValue()) {
                            failures.add(rc);
                        }
                        done.countDown();
                    }, null);
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("all creates answered").isTrue();
        assertThat(failures).as("result codes of failed creates").isEmpty();
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
