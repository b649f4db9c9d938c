package org.quorumlab.launcher.load;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a load run: a single official-client session pinned to one server, driven by its
 * own thread that issues asynchronous {@code getData}/{@code setData} calls while it has fewer than
 * {@code maxOutstandingPerClient} in flight and the shared {@link TokenBucket} allows. The session
 * is owned by that thread: it is (re)opened, moved and closed only there.
 *
 * <p>Failures: while disconnected the client issues nothing; when its session expires, or it stays
 * disconnected for {@code reassignAfter}, the server is marked down and the client re-asks the
 * policy for another reachable server.
 */
final class LoadClient implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadClient.class);
    private static final long POLL_MS = 100;
    private static final long DRAIN_MS = 2_000;

    private final int index;
    private final LoadGenerator.Run run;
    private final Random random;
    private final Semaphore permits;
    private final Object lock = new Object();
    private ZooKeeper zk;
    private volatile String server;
    private volatile String moveTo;
    private boolean assigned;
    private int generation;
    private boolean connected;
    private boolean expired;
    private long disconnectedSinceNanos;

    LoadClient(int index, LoadGenerator.Run run) {
        this.index = index;
        this.run = run;
        this.random = new Random(run.spec().seed() * 1_000_003L + index);
        this.permits = new Semaphore(run.spec().maxOutstandingPerClient());
    }

    String server() {
        return server;
    }

    int outstanding() {
        return run.spec().maxOutstandingPerClient() - permits.availablePermits();
    }

    /** Asks the client thread to move its session to {@code target} (applied before its next operation). */
    void requestMove(String target) {
        moveTo = target;
    }

    @Override
    public void run() {
        try {
            open(run.choose(run.loads().reachable(null), run.loads()));
            while (run.running()) {
                String target = moveTo;
                if (target != null) {
                    moveTo = null;
                    if (!target.equals(server)) {
                        reopen(target, "rebalance");
                    }
                    continue;
                }
                if (!awaitConnected()) {
                    if (needsOtherServer()) {
                        run.loads().get(server).down = true;
                        String next = run.choose(run.loads().reachable(server), run.loads().without(server, outstanding()));
                        reopen(next, "server unreachable");
                    }
                    continue;
                }
                if (!permits.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (!pace() || !issue()) {
                    permits.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Load client {} stopped: {}", index, e.toString());
        } finally {
            drain();
            close();
        }
    }

    /** Waits for the rate limiter's slot; false when the run stopped meanwhile. */
    private boolean pace() {
        TokenBucket bucket = run.bucket();
        if (bucket == null) {
            return true;
        }
        long deadline = System.nanoTime() + bucket.reserve(System.nanoTime());
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (!run.running()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MS)));
        }
        return run.running();
    }

    private boolean issue() {
        ZooKeeper session;
        int gen;
        synchronized (lock) {
            if (!connected) {
                return false;
            }
            session = zk;
            gen = generation;
        }
        LoadSpec spec = run.spec();
        boolean read = random.nextDouble() < spec.readRatio();
        String path = run.keys().get(random.nextInt(run.keys().size()));
        Op op = new Op(run.loads().get(server), read, System.nanoTime(), gen);
        op.target.outstanding.incrementAndGet();
        if (read) {
            session.getData(path, false, (AsyncCallback.DataCallback) (rc, p, ctx, data, stat) -> done(op, rc), null);
        } else {
            session.setData(path, run.value(), -1, (AsyncCallback.StatCallback) (rc, p, ctx, stat) -> done(op, rc),
                    null);
        }
        return true;
    }

    private record Op(ServerLoads.Server target, boolean read, long startNanos, int generation) {
    }

    private void done(Op op, int rc) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - op.startNanos());
        op.target().outstanding.decrementAndGet();
        permits.release();
        if (rc == KeeperException.Code.OK.intValue()) {
            op.target().ok.increment();
            op.target().latency(micros / 1000.0);
            run.recorded(op.read(), micros);
        } else {
            op.target().errors.increment();
            run.failed(KeeperException.Code.get(rc));
        }
    }

    private boolean awaitConnected() throws InterruptedException {
        synchronized (lock) {
            if (!connected) {
                lock.wait(POLL_MS);
            }
            return connected;
        }
    }

    private boolean needsOtherServer() {
        synchronized (lock) {
            return expired || System.nanoTime() - disconnectedSinceNanos >= run.spec().reassignAfter().toNanos();
        }
    }

    private void reopen(String target, String why) {
        LOG.debug("Load client {} moves from {} to {} ({})", index, server, target, why);
        drain();
        close();
        open(target);
    }

    /** Lets requests in flight finish (bounded), so they are counted against the server that served them. */
    private void drain() {
        int all = run.spec().maxOutstandingPerClient();
        try {
            if (permits.tryAcquire(all, DRAIN_MS, TimeUnit.MILLISECONDS)) {
                permits.release(all);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void open(String target) {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        int gen;
        synchronized (lock) {
            gen = ++generation;
            connected = false;
            expired = false;
            disconnectedSinceNanos = System.nanoTime();
        }
        server = target;
        assigned = true;
        run.loads().get(target).clients.incrementAndGet();
        try {
            ZooKeeper session = new ZooKeeper(target, run.spec().sessionTimeoutMs(), e -> onState(gen, e.getState()),
                    cfg);
            synchronized (lock) {
                zk = session;
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Load client {} cannot open a session to {}: {}", index, target, e.toString());
            synchronized (lock) {
                expired = true;
            }
        }
    }

    private void onState(int gen, KeeperState state) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            switch (state) {
                case SyncConnected -> {
                    connected = true;
                    run.loads().get(server).down = false;
                }
                case Disconnected -> {
                    connected = false;
                    disconnectedSinceNanos = System.nanoTime();
                }
                case Expired, AuthFailed -> {
                    connected = false;
                    expired = true;
                }
                default -> {
                }
            }
            lock.notifyAll();
        }
    }

    private void close() {
        ZooKeeper session;
        String was = server;
        synchronized (lock) {
            session = zk;
            zk = null;
            connected = false;
            generation++;
        }
        if (assigned) {
            assigned = false;
            run.loads().get(was).clients.decrementAndGet();
        }
        if (session != null) {
            try {
                session.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
