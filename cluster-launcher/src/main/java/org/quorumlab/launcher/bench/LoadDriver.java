package org.quorumlab.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Closed-loop load of the write, read, mixed and churn workloads: one thread per client session
 * issues asynchronous requests while the session has fewer than {@code outstandingPerClient} in
 * flight. Each client owns {@code keysPerClient} znodes and is the only writer of them, so with the
 * session's FIFO order its last acknowledged setData of a key is the value that key must hold
 * afterwards (or a later one whose reply was lost); {@link #verify} checks exactly that.
 *
 * <p>Latency is measured from the async call to its callback; an operation counts in a workload's
 * figures when it was issued inside the measured window. Each client's histogram and counters are
 * written only by its session's event thread and read after all its permits are back.
 */
final class LoadDriver implements AutoCloseable {

    static final String ROOT = "/qlbench";
    static final String CHURN_ROOT = "/qlbench-churn";
    private static final int OK = KeeperException.Code.OK.intValue();
    private static final int NODE_EXISTS = KeeperException.Code.NODEEXISTS.intValue();
    private static final int SESSION_EXPIRED = KeeperException.Code.SESSIONEXPIRED.intValue();

    /**
     * Figures of one workload's measured window over all clients; {@code errorCodes} counts the
     * failed requests by ZooKeeper result code, so a failure says what it was.
     */
    record Window(LogHistogram latency, long ok, long errors, int expiredSessions, Map<String, Long> errorCodes) {
        Window(LogHistogram latency, long ok, long errors) {
            this(latency, ok, errors, 0, Map.of());
        }

        /** {@code CONNECTIONLOSS×3 SESSIONEXPIRED×1}, or empty when nothing failed. */
        String errorSummary() {
            StringBuilder b = new StringBuilder();
            errorCodes.forEach((code, n) -> b.append(b.length() == 0 ? "" : " ").append(code).append('×').append(n));
            return b.toString();
        }
    }

    /** Result of reading back every key from every server. */
    record Verification(int keys, int servers, int lost, List<String> problems) {
        boolean passed() {
            return lost == 0 && problems.isEmpty();
        }
    }

    private final List<String> servers;
    private final ThroughputSpec spec;
    private final List<Client> clients = new ArrayList<>();
    private final String[] allKeys;
    private final byte[] template;
    private volatile long windowFrom;
    private volatile long windowTo;
    private volatile boolean stop;

    LoadDriver(List<String> servers, ThroughputSpec spec) throws Exception {
        this.servers = List.copyOf(servers);
        this.spec = spec;
        this.template = new byte[spec.valueSize()];
        Arrays.fill(template, (byte) 'x');
        List<ZooKeeper> sessions = Sessions.openConnected(servers, spec.clients(), Duration.ofSeconds(60));
        allKeys = new String[spec.clients() * spec.keysPerClient()];
        for (int i = 0; i < sessions.size(); i++) {
            Client c = new Client(i, sessions.get(i));
            clients.add(c);
            System.arraycopy(c.keys, 0, allKeys, i * spec.keysPerClient(), spec.keysPerClient());
        }
        createKeys();
    }

    private void createKeys() throws Exception {
        ZooKeeper zk = clients.get(0).zk;
        for (String p : List.of(ROOT, CHURN_ROOT)) {
            try {
                zk.create(p, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException ignored) {
                // left by an earlier run against the same ensemble
            }
        }
        CountDownLatch done = new CountDownLatch(allKeys.length);
        AtomicInteger failed = new AtomicInteger();
        for (Client c : clients) {
            for (String key : c.keys) {
                c.zk.create(key, value(c.index, 0), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                        (AsyncCallback.StringCallback) (rc, p, ctx, name) -> {
                            if (rc != OK && rc != NODE_EXISTS) {
                                failed.incrementAndGet();
                            }
                            done.countDown();
                        }, null);
            }
        }
        if (!done.await(60, TimeUnit.SECONDS) || failed.get() > 0) {
            throw new IllegalStateException("could not create the " + allKeys.length + " benchmark keys");
        }
    }

    /** A value of {@code valueSize} bytes starting with {@code "<client>:<seq>;"}. */
    private byte[] value(int client, long seq) {
        byte[] v = template.clone();
        byte[] prefix = (client + ":" + seq + ";").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, v, 0, prefix.length);
        return v;
    }

    static long sequenceOf(byte[] value) {
        String s = new String(value, 0, Math.min(value.length, 32), StandardCharsets.US_ASCII);
        return Long.parseLong(s.substring(s.indexOf(':') + 1, s.indexOf(';')));
    }

    /**
     * Runs {@code workload} for warm-up plus measured window; {@code atWindowStart}/{@code atWindowEnd}
     * run on the calling thread at the window's edges (CPU and RSS sampling).
     */
    Window run(Workload workload, Runnable atWindowStart, Runnable atWindowEnd) throws InterruptedException {
        stop = false;
        long start = System.nanoTime();
        windowFrom = start + spec.warmup().toNanos();
        windowTo = windowFrom + spec.duration().toNanos();
        for (Client c : clients) {
            c.resetWindow();
        }
        List<Thread> threads = new ArrayList<>();
        for (Client c : clients) {
            Thread t = new Thread(() -> c.loop(workload), "bench-client-" + c.index);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        sleepUntil(windowFrom);
        atWindowStart.run();
        sleepUntil(windowTo);
        atWindowEnd.run();
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        LogHistogram all = new LogHistogram();
        long ok = 0;
        long errors = 0;
        int expired = 0;
        Map<String, Long> codes = new TreeMap<>();
        for (Client c : clients) {
            c.drain();
            all.add(c.histogram);
            ok += c.ok;
            errors += c.errors;
            expired += c.expired ? 1 : 0;
            c.errorCodes.forEach((rc, n) -> codes.merge(KeeperException.Code.get(rc).name(), n, Long::sum));
        }
        return new Window(all, ok, errors, expired, codes);
    }

    /** Unmeasured write load for {@code duration} (JIT warm-up of freshly started nodes). */
    void prime(Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        windowFrom = Long.MAX_VALUE;
        windowTo = Long.MAX_VALUE;
        stop = false;
        List<Thread> threads = new ArrayList<>();
        for (Client c : clients) {
            Thread t = new Thread(() -> c.loop(Workload.WRITE), "bench-prime-" + c.index);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        sleepUntil(start + duration.toNanos());
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        for (Client c : clients) {
            c.drain();
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * Reads every key back from every server (after a {@code sync}, through fresh sessions) and
     * checks it holds its client's last acknowledged write or a later one.
     */
    Verification verify() throws Exception {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        for (String server : servers) {
            List<ZooKeeper> one = Sessions.openConnected(List.of(server), 1, Duration.ofSeconds(30));
            ZooKeeper zk = one.get(0);
            try {
                CountDownLatch synced = new CountDownLatch(1);
                zk.sync(ROOT, (rc, p, ctx) -> synced.countDown(), null);
                synced.await(30, TimeUnit.SECONDS);
                for (Client c : clients) {
                    for (int k = 0; k < c.keys.length; k++) {
                        long acked = c.lastAcked[k];
                        long seen = sequenceOf(zk.getData(c.keys[k], false, null));
                        if (seen < acked) {
                            lost++;
                            if (problems.size() < 10) {
                                problems.add(server + " " + c.keys[k] + ": holds write " + seen
                                        + " but write " + acked + " was acknowledged");
                            }
                        }
                    }
                }
            } finally {
                Sessions.closeAll(one);
            }
        }
        return new Verification(allKeys.length, servers.size(), lost, problems);
    }

    @Override
    public void close() throws InterruptedException {
        List<ZooKeeper> sessions = new ArrayList<>();
        for (Client c : clients) {
            sessions.add(c.zk);
        }
        Sessions.closeAll(sessions);
    }

    /** One session, its issuing thread's state and its event thread's counters. */
    private final class Client {
        final int index;
        final ZooKeeper zk;
        final String[] keys;
        /** Per own key: sequence number of the last acknowledged setData; written by the event thread. */
        final long[] lastAcked;
        final Semaphore permits;
        final Random random;
        long nextSeq = 1;
        long churnSeq;
        LogHistogram histogram = new LogHistogram();
        long ok;
        long errors;
        /** Failed requests of the window by result code (only this client's callback thread writes it). */
        Map<Integer, Long> errorCodes = new TreeMap<>();
        /** The session expired: every later request would fail at once, so the client stops issuing. */
        volatile boolean expired;

        Client(int index, ZooKeeper zk) {
            this.index = index;
            this.zk = zk;
            this.keys = new String[spec.keysPerClient()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = ROOT + "/c" + index + "-k" + k;
            }
            this.lastAcked = new long[keys.length];
            this.permits = new Semaphore(spec.outstandingPerClient());
            this.random = new Random(31L * index + 7);
        }

        void resetWindow() {
            histogram = new LogHistogram();
            ok = 0;
            errors = 0;
            errorCodes = new TreeMap<>();
        }

        void drain() throws InterruptedException {
            int all = spec.outstandingPerClient();
            if (!permits.tryAcquire(all, 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("client " + index + ": requests still unanswered after 60 s");
            }
            permits.release(all);
        }

        void loop(Workload workload) {
            try {
                while (!stop && !expired) {
                    if (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    switch (workload) {
                        case WRITE -> write();
                        case READ -> read();
                        case MIXED -> {
                            if (random.nextInt(10) == 0) {
                                write();
                            } else {
                                read();
                            }
                        }
                        case CHURN -> churn();
                        default -> throw new IllegalArgumentException(workload + " is not a closed-loop workload");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write() {
            int k = random.nextInt(keys.length);
            long seq = nextSeq++;
            byte[] data = value(index, seq);
            long t0 = System.nanoTime();
            zk.setData(keys[k], data, -1, (AsyncCallback.StatCallback) (rc, p, ctx, stat) -> {
                if (rc == OK && seq > lastAcked[k]) {
                    lastAcked[k] = seq;
                }
                done(t0, rc);
            }, null);
        }

        private void read() {
            String key = allKeys[random.nextInt(allKeys.length)];
            long t0 = System.nanoTime();
            zk.getData(key, false, (AsyncCallback.DataCallback) (rc, p, ctx, data, stat) -> done(t0, rc), null);
        }

        /** create ephemeral then delete it; both count as operations, the permit is held until the delete returns. */
        private void churn() {
            String path = CHURN_ROOT + "/c" + index + "-" + churnSeq++;
            byte[] data = value(index, 0);
            long t0 = System.nanoTime();
            zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL,
                    (AsyncCallback.StringCallback) (rc, p, ctx, name) -> {
                        long t1 = System.nanoTime();
                        count(t0, t1, rc);
                        if (rc != OK) {
                            permits.release();
                            return;
                        }
                        zk.delete(path, -1, (rc2, p2, ctx2) -> done(t1, rc2), null);
                    }, null);
        }

        private void done(long t0, int rc) {
            if (rc == SESSION_EXPIRED) {
                expired = true;
            }
            count(t0, System.nanoTime(), rc);
            permits.release();
        }

        private void count(long t0, long t1, int rc) {
            if (t0 < windowFrom || t0 >= windowTo) {
                return;
            }
            if (rc == OK) {
                histogram.record((t1 - t0) / 1000);
                ok++;
            } else {
                errors++;
                errorCodes.merge(rc, 1L, Long::sum);
            }
        }
    }
}
