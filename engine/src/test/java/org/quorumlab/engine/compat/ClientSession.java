package org.quorumlab.engine.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * An official-client session that records every watch event (type and path, in delivery order)
 * and can wait until all events sent before "now" have been delivered: an async request's
 * callback runs on the client's event thread after every event the server sent before its reply.
 */
final class ClientSession implements Watcher, AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event.KeeperState> states = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final ZooKeeper zk;

    private ClientSession(String connect, int timeoutMs) throws Exception {
        zk = new ZooKeeper(connect, timeoutMs, this);
    }

    private ClientSession(String connect, long sessionId, byte[] password) throws Exception {
        zk = new ZooKeeper(connect, 4_000, this, sessionId, password);
    }

    /** Re-attaches to an existing session without waiting; watch {@link #states()} for the outcome. */
    static ClientSession resume(int port, long sessionId, byte[] password) throws Exception {
        return new ClientSession("127.0.0.1:" + port, sessionId, password);
    }

    /** Opens a session and waits until it is connected; {@code digest} is {@code user:password} or null. */
    static ClientSession open(int port, int timeoutMs, String digest) throws Exception {
        ClientSession s = new ClientSession("127.0.0.1:" + port, timeoutMs);
        if (!s.connected.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            s.close();
            throw new IllegalStateException("no session with 127.0.0.1:" + port);
        }
        if (digest != null) {
            s.zk.addAuthInfo("digest", digest.getBytes(StandardCharsets.UTF_8));
        }
        return s;
    }

    ZooKeeper zk() {
        return zk;
    }

    long sessionId() {
        return zk.getSessionId();
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() == Event.EventType.None) {
            states.add(event.getState());
            if (event.getState() == Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
            return;
        }
        events.add(event.getType() + " " + event.getPath());
    }

    /** Events delivered since the last call, once every event the server sent so far has arrived. */
    List<String> drainEvents() throws InterruptedException {
        awaitBarrier();
        List<String> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    /** Events delivered so far, waiting up to {@code timeoutMs} for {@code expected} to be among them. */
    List<String> drainEventsUntil(String expected, long timeoutMs) throws InterruptedException {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!out.contains(expected)) {
            String e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** States other than SyncConnected and Closed seen so far (disconnects, expiry, auth failures). */
    List<Event.KeeperState> abnormalStates() {
        return states.stream()
                .filter(s -> s != Event.KeeperState.SyncConnected && s != Event.KeeperState.Closed)
                .toList();
    }

    BlockingQueue<Event.KeeperState> states() {
        return states;
    }

    /** Starts a barrier request; the returned latch opens once its callback ran on the event thread. */
    CountDownLatch startBarrier() {
        CountDownLatch done = new CountDownLatch(1);
        zk.exists("/", false, (rc, path, ctx, stat) -> done.countDown(), null);
        return done;
    }

    void awaitBarrier() throws InterruptedException {
        await(startBarrier());
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("event barrier timed out");
        }
    }

    @Override
    public void close() throws InterruptedException {
        zk.close();
    }
}
