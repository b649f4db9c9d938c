package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.quorumlab.launcher.probe.ZooKeeperClients;

/**
 * Client threads, each with its own official-client session on the full connect string, that
 * alternately create a fresh znode and compare-and-set their own register znode, recording every
 * acknowledged write. {@link #verify} then checks that each acknowledged write is readable: every
 * acknowledged create with its data, every register at exactly its last acknowledged data/version.
 */
final class WriteLoad implements AutoCloseable {

    /** One acknowledged write. */
    record Ack(int thread, String path, String data, int version, long startNanos, long ackNanos) {
    }

    private final String connectString;
    private final String root;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Ack> finalRegisterWrite = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong ambiguous = new AtomicLong();

    WriteLoad(String connectString, String root, int threads) {
        this.connectString = connectString;
        this.root = root;
        this.threads = threads;
    }

    void start() throws Exception {
        ZooKeeper zk = ZooKeeperClients.connect(connectString, Duration.ofSeconds(30));
        try {
            createIfAbsent(zk, root);
            for (int i = 0; i < threads; i++) {
                createIfAbsent(zk, register(i));
            }
        } finally {
            zk.close();
        }
        for (int i = 0; i < threads; i++) {
            int t = i;
            Thread w = new Thread(() -> runWorker(t), "write-load-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
    }

    long ackCount() {
        return acks.size();
    }

    long acksStartedAfter(long nanos) {
        return acks.stream().filter(a -> a.startNanos() > nanos).count();
    }

    /** Milliseconds from {@code nanos} to the first acknowledgement of a write issued after it. */
    OptionalLong firstAckMillisAfter(long nanos) {
        return acks.stream().filter(a -> a.startNanos() > nanos)
                .mapToLong(a -> TimeUnit.NANOSECONDS.toMillis(a.ackNanos() - nanos)).min();
    }

    long ambiguousWrites() {
        return ambiguous.get();
    }

    /** Stops the workers; each first lands one last acknowledged register write. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(w.isAlive()).as("%s finished", w.getName()).isFalse();
        }
        assertThat(unexpected).as("unexpected client errors").isEmpty();
    }

    /** Every acknowledged write is readable through {@code readConnect}, after a sync. */
    void verify(String readConnect) throws Exception {
        ZooKeeper zk = ZooKeeperClients.connect(readConnect, Duration.ofSeconds(30));
        try {
            syncAndWait(zk, root);
            Map<Integer, Integer> lastVersion = new ConcurrentHashMap<>();
            for (Ack a : acks) {
                if (a.path().startsWith(root + "/c")) {
                    Stat stat = new Stat();
                    byte[] data = zk.getData(a.path(), false, stat);
                    assertThat(new String(data, StandardCharsets.UTF_8)).as("acknowledged create %s", a.path())
                            .isEqualTo(a.data());
                } else {
                    Integer previous = lastVersion.put(a.thread(), a.version());
                    assertThat(previous == null || previous < a.version())
                            .as("register versions increase for thread %d (%s then %d)", a.thread(), previous, a.version())
                            .isTrue();
                }
            }
            for (int t = 0; t < threads; t++) {
                Ack last = finalRegisterWrite.get(t);
                assertThat(last).as("final register write of thread %d", t).isNotNull();
                Stat stat = new Stat();
                byte[] data = zk.getData(register(t), false, stat);
                assertThat(stat.getVersion()).as("version of %s", register(t)).isEqualTo(last.version());
                assertThat(new String(data, StandardCharsets.UTF_8)).as("data of %s", register(t)).isEqualTo(last.data());
            }
        } finally {
            zk.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    private String register(int t) {
        return root + "/reg" + t;
    }

    private void runWorker(int t) {
        Session s = new Session();
        int expectedVersion = -2;
        long n = 0;
        try {
            while (running.get()) {
                n++;
                if (expectedVersion == -2) {
                    expectedVersion = s.readVersion(register(t));
                    continue;
                }
                if (n % 2 == 0) {
                    String path = root + "/c" + t + "-" + n;
                    String data = "create " + t + "-" + n;
                    long t0 = System.nanoTime();
                    try {
                        s.zk.create(path, bytes(data), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                        acks.add(new Ack(t, path, data, 0, t0, System.nanoTime()));
                    } catch (KeeperException e) {
                        s.transientFailure(e);
                    }
                } else {
                    expectedVersion = casRegister(s, t, n, expectedVersion);
                }
            }
            // Land one final acknowledged write so the register's last acknowledged state is exact.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (finalRegisterWrite.get(t) == null && System.nanoTime() < deadline) {
                n++;
                if (expectedVersion == -2) {
                    expectedVersion = s.readVersion(register(t));
                    continue;
                }
                expectedVersion = casRegister(s, t, n, expectedVersion);
                if (expectedVersion >= 0) {
                    finalRegisterWrite.put(t, lastAckOf(t));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            unexpected.add(e);
        } finally {
            s.close();
        }
    }

    /** CAS the register; returns the new version, or -2 if it must be re-read (outcome unknown). */
    private int casRegister(Session s, int t, long n, int expectedVersion) throws InterruptedException, KeeperException {
        String data = "register " + t + "-" + n;
        long t0 = System.nanoTime();
        try {
            Stat stat = s.zk.setData(register(t), bytes(data), expectedVersion);
            acks.add(new Ack(t, register(t), data, stat.getVersion(), t0, System.nanoTime()));
            return stat.getVersion();
        } catch (KeeperException.BadVersionException e) {
            // An earlier write whose reply was lost did apply: not an error, re-read.
            return -2;
        } catch (KeeperException e) {
            s.transientFailure(e);
            return -2;
        }
    }

    private Ack lastAckOf(int t) {
        Ack last = null;
        for (Ack a : acks) {
            if (a.thread() == t && a.path().equals(register(t))) {
                last = a;
            }
        }
        return last;
    }

    private static void syncAndWait(ZooKeeper zk, String path) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        zk.sync(path, (rc, p, ctx) -> done.countDown(), null);
        assertThat(done.await(30, TimeUnit.SECONDS)).as("sync completed").isTrue();
    }

    private static void createIfAbsent(ZooKeeper zk, String path) throws Exception {
        try {
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // fine
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One worker's session, replaced when it expires; waits for reconnection instead of spinning. */
    private final class Session {
        private final Object lock = new Object();
        private boolean connected;
        private boolean expired;
        ZooKeeper zk;

        Session() {
            open();
        }

        private void open() {
            try {
                ZKClientConfig cfg = new ZKClientConfig();
                cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
                synchronized (lock) {
                    connected = false;
                    expired = false;
                }
                zk = new ZooKeeper(connectString, 10_000, e -> {
                    synchronized (lock) {
                        connected = e.getState() == KeeperState.SyncConnected;
                        expired = e.getState() == KeeperState.Expired;
                        lock.notifyAll();
                    }
                }, cfg);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int readVersion(String path) throws InterruptedException {
            try {
                Stat stat = new Stat();
                zk.getData(path, false, stat);
                return stat.getVersion();
            } catch (KeeperException e) {
                transientFailure(e);
                return -2;
            }
        }

        void transientFailure(KeeperException e) throws InterruptedException {
            switch (e.code()) {
                case CONNECTIONLOSS, OPERATIONTIMEOUT, SESSIONMOVED, NOTREADONLY -> ambiguous.incrementAndGet();
                case SESSIONEXPIRED -> {
                    ambiguous.incrementAndGet();
                    ZooKeeperClients.closeQuietly(zk);
                    open();
                }
                default -> throw new AssertionError("unexpected " + e.code() + " on " + e.getPath(), e);
            }
            awaitConnected();
        }

        private void awaitConnected() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            synchronized (lock) {
                while (!connected && !expired && System.nanoTime() < deadline) {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            }
        }

        void close() {
            ZooKeeperClients.closeQuietly(zk);
        }
    }
}
