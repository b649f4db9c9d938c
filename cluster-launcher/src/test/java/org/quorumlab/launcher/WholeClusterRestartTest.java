package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/**
 * kill -9 of every node while one official-client session writes, then
 * {@link ClusterLauncher#restartCluster} starts them all at once; for both engines. The session
 * survives: no Expired event, no SESSIONEXPIRED, its ephemeral is still there, and every
 * acknowledged write is readable afterwards.
 *
 * <p>tickTime 500, session timeout 10 s (the maximum, 20 ticks). The official 3.9 client expires
 * its own session after 4/3 of the timeout without reaching a server; with tickTime 200 (4 s,
 * 5.3 s of silence allowed) three JVMs booting on two shared cores under load lost the session
 * on both engines alike, so the test would measure the machine, not the servers.
 */
class WholeClusterRestartTest extends RealClusterTest {

    private static final int TICK_TIME = 500;
    private static final int SESSION_TIMEOUT_MS = 10_000;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sessionAndEphemeralSurviveKillingAndRestartingEveryNode(Engine engine) throws Exception {
        launcher = ClusterLauncher.launch(dir, 3, engine, 0, TICK_TIME);
        launcher.awaitQuorum(TIMEOUT);
        Writer writer = new Writer(launcher.connectString());
        try {
            writer.zk.create("/owner", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            writer.zk.create("/w", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            long session = writer.zk.getSessionId();
            writer.start();
            await().atMost(TIMEOUT).until(() -> writer.acked.size() >= 50);

            for (long id : launcher.members()) {
                assertThat(launcher.kill(id)).as("node %d was running", id).isTrue();
            }
            long killedAt = System.nanoTime();
            int ackedBeforeRestart = writer.acked.size();
            ClusterRestart restart = launcher.restartCluster(TIMEOUT);
            assertThat(restart.started()).containsExactly(1L, 2L, 3L);
            assertThat(restart.stopped()).as("every node was already dead").isEmpty();
            await().atMost(TIMEOUT).until(() -> writer.acked.size() >= ackedBeforeRestart + 50
                    || writer.expired.get() > 0 || writer.sessionExpiredErrors.get() > 0);
            writer.stop();

            System.out.printf("RESTART %s: session 0x%x, %d acknowledged writes, longest gap %d ms "
                    + "(kill -9 of all -> first write %d ms), quorum after %d ms, %d with unknown outcome%n",
                    engine, session, writer.acked.size(), writer.longestGapMillis(), writer.firstAckAfter(killedAt),
                    restart.millis(), writer.ambiguous.get());
            assertThat(writer.expired.get()).as("Expired events").isZero();
            assertThat(writer.sessionExpiredErrors.get()).as("SESSIONEXPIRED errors").isZero();
            assertThat(writer.unexpected).as("unexpected errors").isEmpty();
            assertThat(writer.zk.getSessionId()).isEqualTo(session);
            assertThat(writer.zk.getState().isConnected()).isTrue();

            ZooKeeper reader = ZooKeeperClients.connect(launcher.connectString(), TIMEOUT);
            try {
                CountDownLatch synced = new CountDownLatch(1);
                reader.sync("/", (rc, p, c) -> synced.countDown(), null);
                assertThat(synced.await(30, TimeUnit.SECONDS)).isTrue();
                Stat owner = reader.exists("/owner", false);
                assertThat(owner).as("ephemeral of the surviving session").isNotNull();
                assertThat(owner.getEphemeralOwner()).isEqualTo(session);
                for (String path : writer.acked) {
                    assertThat(reader.getData(path, false, null)).as("acknowledged %s", path)
                            .isEqualTo(path.getBytes(StandardCharsets.UTF_8));
                }
            } finally {
                reader.close();
            }
        } finally {
            writer.close();
        }
    }

    /** One session creating /w/N in a loop; waits for reconnection instead of spinning. */
    private static final class Writer {
        final ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        final List<Long> ackNanos = new ArrayList<>();
        final AtomicLong expired = new AtomicLong();
        final AtomicLong sessionExpiredErrors = new AtomicLong();
        final AtomicLong ambiguous = new AtomicLong();
        final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Object lock = new Object();
        final ZooKeeper zk;
        final Thread thread = new Thread(this::run, "restart-writer");
        private boolean connected;

        Writer(String connectString) throws Exception {
            CountDownLatch first = new CountDownLatch(1);
            ZKClientConfig cfg = new ZKClientConfig();
            cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
            zk = new ZooKeeper(connectString, SESSION_TIMEOUT_MS, e -> {
                synchronized (lock) {
                    connected = e.getState() == KeeperState.SyncConnected;
                    if (e.getState() == KeeperState.Expired) {
                        expired.incrementAndGet();
                    }
                    lock.notifyAll();
                }
                if (e.getState() == KeeperState.SyncConnected) {
                    first.countDown();
                }
            }, cfg);
            assertThat(first.await(30, TimeUnit.SECONDS)).as("connected").isTrue();
            assertThat(zk.getSessionTimeout()).isEqualTo(SESSION_TIMEOUT_MS);
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            for (long n = 0; running.get() && expired.get() == 0; n++) {
                String path = "/w/" + n;
                try {
                    zk.create(path, path.getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                    long now = System.nanoTime();
                    synchronized (ackNanos) {
                        ackNanos.add(now);
                    }
                    acked.add(path);
                } catch (KeeperException.SessionExpiredException e) {
                    sessionExpiredErrors.incrementAndGet();
                    return;
                } catch (KeeperException.ConnectionLossException | KeeperException.OperationTimeoutException e) {
                    ambiguous.incrementAndGet();
                    awaitConnected();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    unexpected.add(e);
                    return;
                }
            }
        }

        private void awaitConnected() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            synchronized (lock) {
                while (!connected && expired.get() == 0 && System.nanoTime() < deadline) {
                    try {
                        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        long longestGapMillis() {
            synchronized (ackNanos) {
                long max = 0;
                for (int i = 1; i < ackNanos.size(); i++) {
                    max = Math.max(max, ackNanos.get(i) - ackNanos.get(i - 1));
                }
                return TimeUnit.NANOSECONDS.toMillis(max);
            }
        }

        long firstAckAfter(long nanos) {
            synchronized (ackNanos) {
                return ackNanos.stream().filter(t -> t > nanos).findFirst()
                        .map(t -> TimeUnit.NANOSECONDS.toMillis(t - nanos)).orElse(-1L);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(30).toMillis());
            assertThat(thread.isAlive()).as("writer stopped").isFalse();
        }

        void close() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join(Duration.ofSeconds(30).toMillis());
            zk.close();
        }
    }
}
