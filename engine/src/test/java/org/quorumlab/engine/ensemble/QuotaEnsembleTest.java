package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.connect;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.StatsTrack;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.cli.SetQuotaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard quotas in an ensemble: the leader judges a write a follower forwarded, every member keeps the same
 * {@code zookeeper_stats}, and a member restarted from its snapshot and log knows the quota again.
 */
class QuotaEnsembleTest {

    private static final String STATS = "/zookeeper/quota/q/zookeeper_stats";

    @TempDir
    Path dir;

    @Test
    void aFollowersClientIsRefusedByTheLeaderAndEveryMemberCountsTheSame() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.configs.replaceAll((id, c) -> c.toBuilder().enforceQuota(true).snapCount(5).build());
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long follower = leader == 1 ? 2 : 1;
            try (ZooKeeper zk = connect(e.connectString(follower))) {
                retry(() -> zk.create("/q", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
                StatsTrack limits = new StatsTrack();
                limits.setCountHardLimit(3);
                SetQuotaCommand.createQuota(zk, "/q", limits);
                zk.create("/q/1", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                zk.create("/q/2", new byte[4], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                // The leader checks quotas against the tree it has applied, as ZooKeeper's leader does. A
                // follower may answer its client before the leader applies the same commit (the leader's own
                // fsync can finish after two followers acknowledged), so wait until the leader counts /q/2.
                await().atMost(Duration.ofSeconds(30)).until(() -> statsOn(e, leader).equals("count=3,bytes=4"));
                assertThatThrownBy(() -> zk.create("/q/3", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                        .isInstanceOf(KeeperException.QuotaExceededException.class);
            }
            for (long id = 1; id <= 3; id++) {
                assertThat(statsOn(e, id)).as("server " + id).isEqualTo("count=3,bytes=4");
            }

            e.stop(leader);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0 && e.leaderId() != leader);
            e.start(leader);
            try (ZooKeeper zk = connect(e.connectString(leader))) {
                KeeperException.Code refused = retry(() -> {
                    try {
                        zk.create("/q/3", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                        return KeeperException.Code.OK;
                    } catch (KeeperException.QuotaExceededException q) {
                        return q.code();
                    }
                });
                assertThat(refused).isEqualTo(KeeperException.Code.QUOTAEXCEEDED);
                retry(() -> {
                    zk.delete("/q/1", -1);
                    return true;
                });
                retry(() -> zk.create("/q/3", new byte[2], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            for (long id = 1; id <= 3; id++) {
                assertThat(statsOn(e, id)).as("server " + id).isEqualTo("count=3,bytes=6");
            }
        }
    }

    /** The stats as one member has them once it has caught up with the leader. */
    private static String statsOn(LocalEnsemble e, long id) throws Exception {
        try (ZooKeeper direct = connect(e.connectString(id))) {
            CompletableFuture<Void> synced = new CompletableFuture<>();
            direct.sync(STATS, (rc, path, ctx) -> synced.complete(null), null);
            synced.get(30, TimeUnit.SECONDS);
            return new String(direct.getData(STATS, false, null), StandardCharsets.UTF_8);
        }
    }
}
