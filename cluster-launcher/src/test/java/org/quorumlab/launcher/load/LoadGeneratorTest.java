package org.quorumlab.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.launcher.load.balancing.RoundRobinPolicy;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/**
 * The generator against in-process standalone QuorumLab servers. Synchronises on the samples the
 * generator publishes (a queue), never on sleeps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void unthrottledMixFollowsTheReadRatioAndStopStops() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir.resolve("s1")))) {
            LoadGenerator gen = new LoadGenerator(LoadSpec.builder("127.0.0.1:" + server.port())
                    .clients(4).readRatio(0.8).valueSize(64).keyCount(8).sampleInterval(Duration.ofMillis(500)).build());
            BlockingQueue<LoadSample> samples = new LinkedBlockingQueue<>();
            gen.addListener(samples::add);
            gen.start();
            assertThat(gen.isRunning()).isTrue();
            LoadSample busy = awaitSample(samples, s -> s.elapsedMillis() >= 1500 && s.totalOps() > 200);
            assertThat(busy.opsPerSec()).isPositive();
            assertThat(busy.latency().count()).isPositive();
            assertThat(busy.latency().p50Ms()).isPositive();
            assertThat(busy.latency().p99Ms()).isGreaterThanOrEqualTo(busy.latency().p50Ms());
            assertThat(busy.latency().p999Ms()).isGreaterThanOrEqualTo(busy.latency().p99Ms());
            assertThat(busy.servers()).singleElement().satisfies(s -> {
                assertThat(s.clients()).isEqualTo(4);
                assertThat(s.share()).isEqualTo(1.0);
            });

            LoadSample summary = gen.stop();
            assertThat(gen.isRunning()).isFalse();
            assertThat(summary.last()).isTrue();
            assertThat(awaitSample(samples, LoadSample::last)).isEqualTo(summary);
            assertThat(summary.totalErrors()).isZero();
            double reads = (double) summary.totalReads() / summary.totalOps();
            assertThat(reads).as("read fraction of %d ops", summary.totalOps()).isCloseTo(0.8, Offset.offset(0.05));
            assertThat(summary.overallLatency().count()).isEqualTo(summary.totalOps());
            assertThat(summary.servers().get(0).totalOps()).isEqualTo(summary.totalOps());
            assertThat(summary.servers().get(0).clients()).as("clients when stop began").isEqualTo(4);
            // Stopped means stopped: the counters no longer move.
            assertThat(gen.summary()).isSameAs(summary);
            assertThat(gen.stop()).isSameAs(summary);
            ZooKeeper zk = ZooKeeperClients.connect("127.0.0.1:" + server.port(), Duration.ofSeconds(10));
            try {
                assertThat(zk.getData(LoadSpec.DEFAULT_ROOT + "/key-0", false, null)).hasSize(64);
                assertThat(zk.getChildren(LoadSpec.DEFAULT_ROOT, false)).hasSize(8);
            } finally {
                zk.close();
            }
        }
    }

    @Test
    void rateLimitedRunEndsAfterItsDuration() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir.resolve("s1")))) {
            LoadGenerator gen = new LoadGenerator(LoadSpec.builder("127.0.0.1:" + server.port())
                    .clients(3).ratePerSecond(200).readRatio(0.5).duration(Duration.ofMillis(1500)).build());
            BlockingQueue<LoadSample> samples = new LinkedBlockingQueue<>();
            gen.addListener(samples::add);
            gen.start();
            assertThat(gen.awaitCompletion(Duration.ofSeconds(20))).isTrue();
            LoadSample last = awaitSample(samples, LoadSample::last);
            // 1.5 s at 200 ops/s = 300, plus at most a 20-op burst; minus what is still in flight at the end.
            assertThat(last.totalOps()).isBetween(240L, 330L);
            assertThat((double) last.totalReads() / last.totalOps()).isCloseTo(0.5, Offset.offset(0.1));
        }
    }

    @Test
    void clientsMoveToAnotherServerWhenTheirsFails() throws Exception {
        QuorumLabServer a = QuorumLabServer.start(ServerConfig.standalone(0, dir.resolve("a")));
        QuorumLabServer b = QuorumLabServer.start(ServerConfig.standalone(0, dir.resolve("b")));
        boolean bClosed = false;
        try {
            // Two independent standalone servers: create the keys on both.
            String sa = "127.0.0.1:" + a.port();
            String sb = "127.0.0.1:" + b.port();
            createKeys(sa, 4);
            createKeys(sb, 4);
            LoadGenerator gen = new LoadGenerator(LoadSpec.builder(sa + "," + sb).clients(4).keyCount(4)
                    .policy(new RoundRobinPolicy()).reassignAfter(Duration.ofMillis(300))
                    .sampleInterval(Duration.ofMillis(200)).build());
            BlockingQueue<LoadSample> samples = new LinkedBlockingQueue<>();
            gen.addListener(samples::add);
            gen.start();
            LoadSample both = awaitSample(samples, s -> s.servers().get(1).totalOps() > 50 && s.servers().get(0).totalOps() > 50);
            assertThat(both.servers()).extracting(LoadSample.ServerSample::clients).containsExactly(2, 2);

            b.close();
            bClosed = true;
            LoadSample moved = awaitSample(samples, s -> s.servers().get(0).clients() == 4);
            long onA = moved.servers().get(0).totalOps();
            LoadSample after = awaitSample(samples, s -> s.servers().get(0).totalOps() > onA + 100);
            assertThat(after.servers().get(1).clients()).isZero();
            assertThat(after.servers().get(1).down()).isTrue();
            LoadSample summary = gen.stop();
            assertThat(summary.servers().get(0).share()).isGreaterThan(0.5);
            assertThat(summary.servers().get(1).totalOps()).isPositive();
        } finally {
            a.close();
            if (!bClosed) {
                b.close();
            }
        }
    }

    private static void createKeys(String server, int n) throws Exception {
        ZooKeeper zk = ZooKeeperClients.connect(server, Duration.ofSeconds(10));
        try {
            zk.create(LoadSpec.DEFAULT_ROOT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            for (int i = 0; i < n; i++) {
                zk.create(LoadSpec.DEFAULT_ROOT + "/key-" + i, new byte[1], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
        } catch (KeeperException.NodeExistsException e) {
            // fine
        } finally {
            zk.close();
        }
    }

    /** The first published sample matching {@code p}, waiting up to 20 s. */
    private static LoadSample awaitSample(BlockingQueue<LoadSample> samples, Predicate<LoadSample> p)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<LoadSample> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            LoadSample s = samples.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s == null) {
                break;
            }
            seen.add(s);
            if (p.test(s)) {
                return s;
            }
        }
        throw new AssertionError("no matching sample within 20 s; last: "
                + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
    }
}
