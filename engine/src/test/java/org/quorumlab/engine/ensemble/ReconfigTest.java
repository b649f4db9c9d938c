package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.QuorumServerSpec;

/** Dynamic reconfig through the official ZooKeeperAdmin API on an in-process ensemble. */
class ReconfigTest {

    @TempDir
    Path dir;

    @Test
    void addTwoServersRemoveTwoIncludingTheLeader() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            ZooKeeperAdmin admin = new ZooKeeperAdmin(e.connectString(), 10000, ev -> { });
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                admin.create("/data", "0".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                return true;
            });
            String initial = new String(admin.getConfig(false, new Stat()), StandardCharsets.UTF_8);
            assertThat(initial).contains("server.1=", "server.2=", "server.3=").contains("version=");

            for (long id = 4; id <= 5; id++) {
                QuorumServerSpec spec = e.newSpec(id, false);
                List<QuorumServerSpec> members = new ArrayList<>(e.specs.values());
                e.configs.put(id, e.configFor(id, members));
                e.start(id);
                byte[] config = reconfig(admin, spec.toConfigLine().replace("server." + id + "=", "server." + id + "="), null);
                assertThat(new String(config, StandardCharsets.UTF_8)).contains("server." + id + "=");
            }
            long id5 = 5;
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(id5).mode().matches("follower|leader"));
            admin.setData("/data", "after-add".getBytes(), -1);

            long leader = e.leaderId();
            long other = leader == 1 ? 2 : 1;
            reconfig(admin, null, other + "," + leader);
            String[] after = new String[1];
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                after[0] = new String(admin.getConfig(false, new Stat()), StandardCharsets.UTF_8);
                return true;
            });
            assertThat(after[0]).doesNotContain("server." + leader + "=").doesNotContain("server." + other + "=");
            for (long id = 1; id <= 5; id++) {
                if (id != leader && id != other) {
                    assertThat(after[0]).contains("server." + id + "=");
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long l = e.leaderId();
                return l > 0 && l != leader && l != other;
            });
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.setData("/data", "after-remove".getBytes(), -1);
                return true;
            });
            assertThat(new String(admin.getData("/data", false, null))).isEqualTo("after-remove");
            admin.close();
        }
    }

    @Test
    void reconfigThatWouldLoseQuorumIsRefused() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            ZooKeeperAdmin admin = new ZooKeeperAdmin(e.connectString(), 10000, ev -> { });
            QuorumServerSpec ghost6 = e.newSpec(6, false);
            QuorumServerSpec ghost7 = e.newSpec(7, false);
            // Replacing the ensemble with servers that are not running cannot reach a quorum.
            String newMembers = ghost6.toConfigLine() + "," + ghost7.toConfigLine();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try {
                    admin.reconfigure(null, null, newMembers, -1, new Stat());
                    throw new AssertionError("reconfig to an unreachable ensemble was accepted");
                } catch (KeeperException.ConnectionLossException retry) {
                    return false;
                } catch (KeeperException.NewConfigNoQuorum expected) {
                    return true;
                }
            });
            assertThatThrownBy(() -> admin.reconfigure(null, "1", null, 12345, new Stat()))
                    .isInstanceOf(KeeperException.BadVersionException.class);
            assertThatThrownBy(() -> admin.reconfigure(null, "1,2", null, -1, new Stat()))
                    .isInstanceOf(KeeperException.BadArgumentsException.class);
            admin.close();
        }
    }

    private static byte[] reconfig(ZooKeeperAdmin admin, String joining, String leaving) {
        byte[][] out = new byte[1][];
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptionsMatching(t -> t instanceof KeeperException.ConnectionLossException
                        || t instanceof KeeperException.NewConfigNoQuorum)
                .until(() -> {
                    out[0] = admin.reconfigure(joining, leaving, null, -1, new Stat());
                    return true;
                });
        return out[0];
    }
}
