package org.quorumlab.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.StatsTrack;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;
import org.apache.zookeeper.cli.DelQuotaCommand;
import org.apache.zookeeper.cli.SetQuotaCommand;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorumlab.engine.admin.EmbeddedZooKeeper;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * Quotas against real ZooKeeper 3.9.3: the same script of creates, sets, deletes, multis, session closes and
 * zkCli quota commands ({@code setquota}/{@code delquota}, run through ZooKeeper's own client-side code) on both
 * servers, with {@code zookeeper.enforceQuota} on and off; after every step the outcome, the quota's
 * {@code zookeeper_stats} (its text, version and length) and its {@code zookeeper_limits} must read the same.
 */
class QuotaDifferentialTest {

    private static final List<org.apache.zookeeper.data.ACL> OPEN = ZooDefs.Ids.OPEN_ACL_UNSAFE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "enforceQuota={0}")
    @ValueSource(booleans = {true, false})
    void quotaStatsAndRefusalsMatchZooKeeper(boolean enforce) throws Exception {
        List<String> real;
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dir.resolve("zk"),
                Map.of("zookeeper.enforceQuota", Boolean.toString(enforce)))) {
            real = runScript(zk.port());
        }
        List<String> ours;
        ServerConfig config = ServerConfig.standalone(0, dir.resolve("ql")).toBuilder().enforceQuota(enforce).build();
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            ours = runScript(server.port());
        }

        assertThat(ours).containsExactlyElementsOf(real);
        // the script does reach the refusals (and only when quotas are enforced)
        assertThat(real.stream().filter(line -> line.contains("-> QUOTAEXCEEDED")).count())
                .isEqualTo(enforce ? 6 : 0);
    }

    private static List<String> runScript(int port) throws Exception {
        Transcript t = new Transcript();
        try (ZooKeeper zk = ConnectedClients.connect("127.0.0.1:" + port, 30_000);
                ZooKeeper other = ConnectedClients.connect("127.0.0.1:" + port, 30_000)) {
            t.step("create /a", () -> zk.create("/a", bytes("hello"), OPEN, CreateMode.PERSISTENT));
            t.step("create /a/x", () -> zk.create("/a/x", bytes("12"), OPEN, CreateMode.PERSISTENT));
            t.step("create /b", () -> zk.create("/b", bytes("outside"), OPEN, CreateMode.PERSISTENT));
            t.step("setquota -N 4 -B 20 /a", () -> SetQuotaCommand.createQuota(zk, "/a", limits(-1, -1, 4, 20)));
            t.quota(zk, "/a");

            t.step("create /a/y 3 bytes", () -> zk.create("/a/y", bytes("abc"), OPEN, CreateMode.PERSISTENT));
            t.step("create /a/z 20 bytes", () -> zk.create("/a/z", new byte[20], OPEN, CreateMode.PERSISTENT));
            t.step("create /a/z empty", () -> zk.create("/a/z", new byte[0], OPEN, CreateMode.PERSISTENT));
            t.quota(zk, "/a");
            t.step("create /a/w, a fifth node", () -> zk.create("/a/w", null, OPEN, CreateMode.PERSISTENT));
            t.step("create /a/z again", () -> zk.create("/a/z", null, OPEN, CreateMode.PERSISTENT));
            t.step("create /b/c outside", () -> zk.create("/b/c", new byte[50], OPEN, CreateMode.PERSISTENT));
            t.step("setData /a/x 20 bytes, bad version", () -> zk.setData("/a/x", new byte[20], 99));
            t.step("setData /a/x 10 bytes, bad version", () -> zk.setData("/a/x", new byte[10], 99));
            t.step("setData /a/x 10 bytes", () -> zk.setData("/a/x", new byte[10], -1));
            t.step("setData /a 7 bytes", () -> zk.setData("/a", bytes("goodbye"), -1));
            t.quota(zk, "/a");
            t.step("multi delete /a/y, create /a/w", () -> zk.multi(List.of(Op.delete("/a/y", -1),
                    Op.create("/a/w", null, OPEN, CreateMode.PERSISTENT))));
            t.step("multi setData /a/x 3 bytes twice", () -> zk.multi(List.of(Op.setData("/a/x", new byte[3], -1),
                    Op.setData("/a/x", new byte[12], -1))));
            t.quota(zk, "/a");
            t.step("delete /a/y", () -> {
                zk.delete("/a/y", -1);
                return null;
            });
            t.step("create /a/seq- sequential", () -> zk.create("/a/seq-", null, OPEN,
                    CreateMode.PERSISTENT_SEQUENTIAL));
            t.quota(zk, "/a");
            t.step("delete /a/z", () -> {
                zk.delete("/a/z", -1);
                return null;
            });
            t.step("other session: create /a/eph ephemeral", () -> other.create("/a/eph", bytes("e"), OPEN,
                    CreateMode.EPHEMERAL));
            t.quota(zk, "/a");
            t.step("other session closes", () -> {
                other.close();
                return null;
            });
            t.quota(zk, "/a");

            t.step("setquota -N 10 /a", () -> SetQuotaCommand.createQuota(zk, "/a", limits(-1, -1, 10, -1)));
            t.quota(zk, "/a");
            t.step("create /a/n1 12 bytes", () -> zk.create("/a/n1", new byte[12], OPEN, CreateMode.PERSISTENT));
            t.step("delquota -B /a", () -> DelQuotaCommand.delQuota(zk, "/a", limits(-1, -1, -1, 1)));
            t.quota(zk, "/a");
            t.step("create /a/n2 12 bytes", () -> zk.create("/a/n2", new byte[12], OPEN, CreateMode.PERSISTENT));
            t.quota(zk, "/a");

            // soft limits only hint; a deeper quota counts its own subtree, the outer one the rest
            t.step("create /s", () -> zk.create("/s", null, OPEN, CreateMode.PERSISTENT));
            t.step("create /s/t", () -> zk.create("/s/t", null, OPEN, CreateMode.PERSISTENT));
            t.step("setquota -n 1 -b 1 /s/t", () -> SetQuotaCommand.createQuota(zk, "/s/t", limits(1, 1, -1, -1)));
            t.step("create /s/t/u 5 bytes", () -> zk.create("/s/t/u", new byte[5], OPEN, CreateMode.PERSISTENT));
            t.quota(zk, "/s/t");

            t.step("delquota /a", () -> DelQuotaCommand.delQuota(zk, "/a", null));
            t.step("create /a/n3 30 bytes", () -> zk.create("/a/n3", new byte[30], OPEN, CreateMode.PERSISTENT));
            t.step("quota dir of /a", () -> zk.exists("/zookeeper/quota/a", false) != null);
        }
        return t.lines;
    }

    private static StatsTrack limits(long count, long bytes, long countHard, long bytesHard) {
        StatsTrack s = new StatsTrack();
        s.setCount(count);
        s.setBytes(bytes);
        s.setCountHardLimit(countHard);
        s.setByteHardLimit(bytesHard);
        return s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One line per step: what was done and how it ended; one per quota read: its two nodes. */
    private static final class Transcript {

        final List<String> lines = new ArrayList<>();

        interface Step {
            Object run() throws Exception;
        }

        void step(String what, Step step) {
            String outcome;
            try {
                Object result = step.run();
                outcome = result instanceof String || result instanceof Boolean ? "ok " + result : "ok";
            } catch (KeeperException e) {
                outcome = e.code().name();
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            lines.add(what + " -> " + outcome);
        }

        void quota(ZooKeeper zk, String path) throws Exception {
            lines.add("  stats  " + read(zk, "/zookeeper/quota" + path + "/zookeeper_stats"));
            lines.add("  limits " + read(zk, "/zookeeper/quota" + path + "/zookeeper_limits"));
        }

        private static String read(ZooKeeper zk, String path) throws Exception {
            Stat stat = new Stat();
            try {
                byte[] data = zk.getData(path, false, stat);
                return (data == null ? "null" : new String(data, StandardCharsets.UTF_8)) + " (version "
                        + stat.getVersion() + ", " + stat.getDataLength() + " bytes)";
            } catch (KeeperException.NoNodeException e) {
                return "none";
            }
        }
    }
}
