package org.quorumlab.launcher.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.launcher.chaos.ChaosOp.OpType;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;
import org.quorumlab.launcher.load.TokenBucket;

/**
 * One client: its own official-client session on the whole ensemble, issuing a seeded mix of
 * linearizable reads ({@code sync} + {@code getData}), blind writes ({@code setData} version -1),
 * compare-and-sets ({@code setData} with the version it last saw), queue adds (persistent
 * sequential creates) and removes (lowest child: {@code getData} + {@code delete}), recording each
 * in the {@link History}. Every request is bounded by the client's request timeout; a write that
 * times out or loses its connection is recorded as indeterminate. An expired session is replaced.
 */
final class ChaosClient implements Runnable {

    /**
     * Session timeout asked for, and the cluster's {@code maxSessionTimeout}. It must outlast the
     * longest outage the nemesis causes: a whole-cluster kill -9 down for up to 5 s, then three JVMs
     * booting and electing on two busy cores (5–8 s in the soak). The official 3.9 client expires
     * its own session after 4/3 of the timeout without a server, so with the default maximum at
     * tickTime 200 (20 ticks, 4 s: 5.3 s of silence) every such restart expired the sessions on
     * the client, whatever the engine did.
     */
    static final int SESSION_TIMEOUT_MS = 15_000;
    /** Bound on one request (ZooKeeper's {@code zookeeper.request.timeout}); then it is indeterminate. */
    static final int REQUEST_TIMEOUT_MS = 3000;

    private final int id;
    private final Random random;
    private final Supplier<String> connectString;
    private final ChaosWorkload workload;
    private final History history;
    private final TokenBucket rate;
    private final AtomicBoolean running;
    private final Map<String, Integer> lastSeenVersion = new HashMap<>();
    private final Object stateLock = new Object();
    private boolean connected;
    private ZooKeeper zk;
    private long counter;
    private int sessions;

    ChaosClient(int id, long seed, Supplier<String> connectString, ChaosWorkload workload, History history,
            double opsPerSecond, AtomicBoolean running) {
        this.id = id;
        this.random = new Random(seed * 1_000_003L + id);
        this.connectString = connectString;
        this.workload = workload;
        this.history = history;
        this.rate = new TokenBucket(opsPerSecond, 1);
        this.running = running;
    }

    /** Sessions this client opened (more than one means a session expired). */
    int sessions() {
        synchronized (stateLock) {
            return sessions;
        }
    }

    @Override
    public void run() {
        open();
        try {
            while (running.get()) {
                long wait = rate.reserve(System.nanoTime());
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                awaitConnected();
                int dice = random.nextInt(100);
                List<String> keys = workload.keysAt(history.now());
                String key = keys.get(random.nextInt(keys.size()));
                if (dice < 30) {
                    read(key);
                } else if (dice < 50) {
                    write(key);
                } else if (dice < 70) {
                    cas(key);
                } else if (dice < 85) {
                    enqueue();
                } else {
                    dequeue();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSession();
        }
    }

    private void read(String key) throws InterruptedException {
        long call = history.now();
        try {
            zk.sync(key);
            Stat stat = new Stat();
            long value = parse(zk.getData(key, false, stat));
            lastSeenVersion.put(key, stat.getVersion());
            history.add(ChaosOp.read(id, key, call, history.now(), value, stat.getVersion()));
        } catch (KeeperException e) {
            history.add(ChaosOp.failed(id, OpType.READ, key, call, history.now(), e.code().name()));
            afterError(e);
        }
    }

    private void write(String key) throws InterruptedException {
        long value = nextValue();
        long call = history.now();
        try {
            Stat stat = zk.setData(key, bytes(Long.toString(value)), -1);
            lastSeenVersion.put(key, stat.getVersion());
            history.add(ChaosOp.write(id, key, call, history.now(), Outcome.OK, value, ""));
        } catch (KeeperException e) {
            history.add(ChaosOp.write(id, key, call, history.now(), writeOutcome(e), value, e.code().name()));
            afterError(e);
        }
    }

    private void cas(String key) throws InterruptedException {
        long value = nextValue();
        int expected = lastSeenVersion.getOrDefault(key, 0) + (random.nextInt(4) == 0 ? 1 : 0);
        long call = history.now();
        try {
            Stat stat = zk.setData(key, bytes(Long.toString(value)), expected);
            lastSeenVersion.put(key, stat.getVersion());
            history.add(ChaosOp.cas(id, key, call, history.now(), Outcome.OK, expected, value, ""));
        } catch (KeeperException e) {
            history.add(ChaosOp.cas(id, key, call, history.now(), writeOutcome(e), expected, value, e.code().name()));
            afterError(e);
        }
    }

    private void enqueue() throws InterruptedException {
        String item = "c" + id + "-" + nextValue();
        long call = history.now();
        try {
            String path = zk.create(workload.queue() + "/item-", bytes(item), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT_SEQUENTIAL);
            history.add(ChaosOp.enqueue(id, workload.queue(), call, history.now(), Outcome.OK, item, path, ""));
        } catch (KeeperException e) {
            history.add(ChaosOp.enqueue(id, workload.queue(), call, history.now(), writeOutcome(e), item, "",
                    e.code().name()));
            afterError(e);
        }
    }

    /** Removes the lowest item it can claim: reads it, then deletes it; a lost race tries the next one. */
    private void dequeue() throws InterruptedException {
        long call = history.now();
        String queue = workload.queue();
        try {
            List<String> children = zk.getChildren(queue, false);
            children.sort(null);
            for (String child : children.subList(0, Math.min(3, children.size()))) {
                String path = queue + "/" + child;
                String item;
                try {
                    item = new String(zk.getData(path, false, null), StandardCharsets.UTF_8);
                } catch (KeeperException.NoNodeException taken) {
                    continue;
                }
                try {
                    zk.delete(path, -1);
                    history.add(ChaosOp.dequeue(id, queue, call, history.now(), Outcome.OK, item, path, ""));
                    return;
                } catch (KeeperException.NoNodeException taken) {
                    continue;
                } catch (KeeperException e) {
                    history.add(ChaosOp.dequeue(id, queue, call, history.now(), writeOutcome(e), item, path,
                            e.code().name()));
                    afterError(e);
                    return;
                }
            }
            history.add(ChaosOp.failed(id, OpType.DEQUEUE, queue, call, history.now(),
                    children.isEmpty() ? "EMPTY" : "RACED"));
        } catch (KeeperException e) {
            history.add(ChaosOp.failed(id, OpType.DEQUEUE, queue, call, history.now(), e.code().name()));
            afterError(e);
        }
    }

    /** A write error: only codes that prove the write was refused are definite failures. */
    private static Outcome writeOutcome(KeeperException e) {
        return switch (e.code()) {
            case BADVERSION, NONODE, NODEEXISTS, NOAUTH, BADARGUMENTS -> Outcome.FAIL;
            default -> Outcome.INDETERMINATE;
        };
    }

    private void afterError(KeeperException e) {
        if (e.code() == Code.SESSIONEXPIRED) {
            closeSession();
            open();
        }
    }

    /**
     * Like any well-behaved client (Curator does the same), issues nothing while disconnected:
     * waits, bounded by the session timeout, for the session to (re)connect. Requests queued while
     * disconnected would only fail as indeterminate and bloat the history.
     */
    private void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SESSION_TIMEOUT_MS);
        synchronized (stateLock) {
            while (!connected && running.get() && System.nanoTime() < deadline) {
                stateLock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
    }

    private void onState(int session, KeeperState state) {
        synchronized (stateLock) {
            if (session != sessions) {
                return; // an event of a session this client has replaced
            }
            connected = state == KeeperState.SyncConnected;
            stateLock.notifyAll();
        }
    }

    private long nextValue() {
        return id * 1_000_000_000L + ++counter;
    }

    private void open() {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        cfg.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, Integer.toString(REQUEST_TIMEOUT_MS));
        try {
            int session;
            synchronized (stateLock) {
                session = ++sessions;
                connected = false;
            }
            zk = new ZooKeeper(connectString.get(), SESSION_TIMEOUT_MS, event -> {
                if (event.getType() == Watcher.Event.EventType.None) {
                    onState(session, event.getState());
                }
            }, cfg);
        } catch (IOException e) {
            throw new IllegalStateException("client " + id + " cannot create a session", e);
        }
    }

    private void closeSession() {
        try {
            zk.close(REQUEST_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long parse(byte[] data) {
        return Long.parseLong(new String(data, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
