package org.quorumlab.gui.cluster.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.Watcher;

/**
 * Generates reads ({@code getData}) and writes ({@code setData}) on {@code /quorumlab-load/k*}
 * with the official client's async API at a target rate. Client {@code i} connects to server
 * {@code i mod n} of the connect string; the {@link BalancingPolicy} picks the client per
 * request. In-flight requests are bounded ({@link #MAX_OUTSTANDING}); when the bound is reached
 * requests are shed, never queued. {@link #close()} stops it and closes the sessions.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Bound on requests in flight. */
    public static final int MAX_OUTSTANDING = 2_000;
    static final String ROOT = "/quorumlab-load";
    static final int KEYS = 16;
    private static final long TICK_MS = 10;

    private final String[] servers;
    private final LoadSettings settings;
    private final List<Client> clients = new ArrayList<>();
    private final Semaphore inFlight = new Semaphore(MAX_OUTSTANDING);
    private final AtomicLong cursor = new AtomicLong();
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-generator");
        t.setDaemon(true);
        return t;
    });
    private final byte[] payload = "quorumlab load".getBytes(StandardCharsets.UTF_8);
    private volatile boolean stopped;
    private long startedNanos;
    private long lastTickNanos;
    private double credit;

    public LoadGenerator(String connectString, LoadSettings settings) {
        String hosts = connectString.contains("/") ? connectString.substring(0, connectString.indexOf('/'))
                : connectString;
        this.servers = hosts.split(",");
        this.settings = settings;
    }

    /** Connects the clients (blocking, up to 15 s each), creates the keys, starts the ticker. */
    public void start() throws IOException, InterruptedException {
        try {
            for (int i = 0; i < settings.clients(); i++) {
                clients.add(new Client(servers[i % servers.length].trim()));
            }
            ZooKeeper zk = clients.get(0).zk;
            createIfAbsent(zk, ROOT);
            for (int k = 0; k < KEYS; k++) {
                createIfAbsent(zk, ROOT + "/k" + k);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        startedNanos = System.nanoTime();
        lastTickNanos = startedNanos;
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private static void createIfAbsent(ZooKeeper zk, String path) throws IOException, InterruptedException {
        try {
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // already there from an earlier run
        } catch (KeeperException e) {
            throw new IOException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        credit = Math.min(settings.ratePerSec(), credit + settings.ratePerSec() * (now - lastTickNanos) / 1e9);
        lastTickNanos = now;
        while (credit >= 1 && !stopped) {
            credit -= 1;
            issue();
        }
    }

    private void issue() {
        int k = settings.policy().choose(clients, cursor);
        if (k < 0 || !inFlight.tryAcquire()) {
            shed.increment();
            return;
        }
        Client c = clients.get(k);
        String path = ROOT + "/k" + ThreadLocalRandom.current().nextInt(KEYS);
        c.outstanding.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            if (ThreadLocalRandom.current().nextDouble() < settings.readRatio()) {
                c.zk.getData(path, false, (rc, p, ctx, data, stat) -> c.done(rc, t0), null);
            } else {
                c.zk.setData(path, payload, -1, (rc, p, ctx, stat) -> c.done(rc, t0), null);
            }
        } catch (RuntimeException e) {
            c.done(KeeperException.Code.SYSTEMERROR.intValue(), t0);
        }
    }

    /** Current progress. */
    public LoadStats stats() {
        Map<String, Long> by = new TreeMap<>();
        clients.forEach(c -> by.merge(c.server, c.completed.sum(), Long::sum));
        return new LoadStats(completed.sum(), errors.sum(), shed.sum(), MAX_OUTSTANDING - inFlight.availablePermits(),
                by, startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000);
    }

    public LoadSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        stopped = true;
        ticker.shutdownNow();
        for (Client c : clients) {
            try {
                c.zk.close(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One session pinned to one server. */
    private final class Client implements BalancingPolicy.Candidate {
        final String server;
        final ZooKeeper zk;
        final AtomicInteger outstanding = new AtomicInteger();
        final LongAdder completed = new LongAdder();
        volatile double ewmaMs = 1;
        volatile boolean connected;

        Client(String server) throws IOException, InterruptedException {
            this.server = server;
            CountDownLatch up = new CountDownLatch(1);
            this.zk = new ZooKeeper(server, 15_000, e -> {
                connected = e.getState() == Watcher.Event.KeeperState.SyncConnected;
                if (connected) {
                    up.countDown();
                }
            });
            if (!up.await(15, TimeUnit.SECONDS)) {
                zk.close();
                throw new IOException("load client could not connect to " + server);
            }
        }

        void done(int rc, long t0) {
            double ms = (System.nanoTime() - t0) / 1e6;
            ewmaMs = ewmaMs * 0.9 + ms * 0.1;
            outstanding.decrementAndGet();
            inFlight.release();
            if (rc == KeeperException.Code.OK.intValue()) {
                completed.increment();
                LoadGenerator.this.completed.increment();
            } else {
                errors.increment();
            }
        }

        @Override
        public int outstanding() {
            return outstanding.get();
        }

        @Override
        public double responseMs() {
            return ewmaMs;
        }

        @Override
        public double weight() {
            return 1.0 / (1.0 + ewmaMs);
        }

        @Override
        public boolean usable() {
            return connected;
        }
    }
}
