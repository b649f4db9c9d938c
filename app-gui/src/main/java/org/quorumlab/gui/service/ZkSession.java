package org.quorumlab.gui.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ZKConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console session with an ensemble through the official client. Disconnections are healed by
 * the client's own retry; an expired session is replaced by a new one (listeners see
 * {@link State#EXPIRED} then {@link State#CONNECTED} and should re-register their watches).
 * All methods may block and must run off the FX thread.
 */
public final class ZkSession implements AutoCloseable {

    /** Connection state as shown by the banner. */
    public enum State { CONNECTING, CONNECTED, RECONNECTING, EXPIRED, AUTH_FAILED, CLOSED }

    private static final Logger LOG = LoggerFactory.getLogger(ZkSession.class);
    /**
     * Largest reply the console's client accepts. The client's default (1 MiB, {@code jute.maxbuffer})
     * is below the child list of 100,000 short names (~1.5 MB): the client would drop the connection
     * on every such listing, and reconnect into the same listing. Servers do not limit reply sizes.
     */
    static final int MAX_REPLY_BYTES = 64 * 1024 * 1024;
    private final ConnectionSpec spec;
    private final WatchEventBus bus;
    private final WatchRegistry watches = new WatchRegistry();
    private final java.util.Map<String, Watcher> armed = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile ZooKeeper zk;
    private volatile State state = State.CONNECTING;
    private volatile boolean closed;

    private ZkSession(ConnectionSpec spec, WatchEventBus bus) {
        this.spec = spec;
        this.bus = bus;
    }

    /** Opens a session and waits up to {@code timeout} for it to connect. */
    public static ZkSession connect(ConnectionSpec spec, WatchEventBus bus, Duration timeout)
            throws IOException, InterruptedException {
        ZkSession s = new ZkSession(spec, bus);
        CountDownLatch connected = new CountDownLatch(1);
        s.addStateListener(st -> {
            if (st == State.CONNECTED) {
                connected.countDown();
            }
        });
        s.open();
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            s.close();
            throw new IOException("could not connect to " + spec.clientConnectString() + " within "
                    + timeout.toSeconds() + " s");
        }
        return s;
    }

    private void open() throws IOException {
        ZKClientConfig config = new ZKClientConfig();
        config.setProperty(ZKConfig.JUTE_MAXBUFFER, Integer.toString(MAX_REPLY_BYTES));
        spec.tls().clientProperties().forEach(config::setProperty);
        ZooKeeper client = new ZooKeeper(spec.clientConnectString(), spec.sessionTimeoutMs(), this::onEvent, config);
        if (!spec.digestAuth().isEmpty()) {
            client.addAuthInfo("digest", spec.digestAuth().getBytes(StandardCharsets.UTF_8));
        }
        zk = client;
    }

    private void onEvent(WatchedEvent event) {
        if (event.getType() != Watcher.Event.EventType.None) {
            bus.publish(event, sessionId(), "default");
            return;
        }
        switch (event.getState()) {
            case SyncConnected, ConnectedReadOnly -> setState(State.CONNECTED);
            case Disconnected -> setState(State.RECONNECTING);
            case AuthFailed -> setState(State.AUTH_FAILED);
            case Closed -> setState(State.CLOSED);
            case Expired -> {
                watches.clear();
                armed.clear();
                setState(State.EXPIRED);
                renew();
            }
            default -> { }
        }
    }

    private void renew() {
        if (closed) {
            return;
        }
        try {
            ZooKeeper old = zk;
            open();
            old.close(1);
        } catch (IOException | InterruptedException e) {
            LOG.warn("could not open a new session after expiry: {}", e.toString());
        }
    }

    private void setState(State s) {
        if (closed && s != State.CLOSED) {
            return;
        }
        state = s;
        listeners.forEach(l -> l.accept(s));
    }

    /** Current client; replaced after a session expiry. */
    public ZooKeeper client() {
        return zk;
    }

    /** The connection this session was opened with. */
    public ConnectionSpec spec() {
        return spec;
    }

    /** Bus that receives every watch event of this session. */
    public WatchEventBus bus() {
        return bus;
    }

    /** The console's own watches on this session. */
    public WatchRegistry watches() {
        return watches;
    }

    /**
     * A one-shot watcher recorded in {@link #watches()} until it fires; its events reach the bus
     * and then {@code delegate}.
     */
    public Watcher oneShot(String path, String kind, String origin, Watcher delegate) {
        WatchRegistry.OwnWatch w = new WatchRegistry.OwnWatch(path, kind, origin);
        watches.add(w);
        // one Watcher object per (kind, origin, path) so the client fires it once, not once per re-read
        return armed.computeIfAbsent(kind + " " + origin + " " + path, k -> new Watcher() {
            @Override
            public void process(WatchedEvent event) {
                if (event.getType() != Watcher.Event.EventType.None) {
                    // only this watcher's own entry: a newer one armed meanwhile must stay armed
                    armed.remove(k, this);
                    watches.remove(w);
                }
                bus.publish(event, sessionId(), origin);
                if (delegate != null) {
                    delegate.process(event);
                }
            }
        });
    }

    /** Current state. */
    public State state() {
        return state;
    }

    /** Session id, 0 before the first connection. */
    public long sessionId() {
        ZooKeeper c = zk;
        return c == null ? 0 : c.getSessionId();
    }

    /** Listener called on the ZooKeeper event thread on every state change. */
    public void addStateListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    /** Wraps a watcher so that its events also reach the bus. */
    public Watcher watcher(String origin, Watcher delegate) {
        return bus.tap(this, origin, delegate);
    }

    @Override
    public void close() {
        closed = true;
        try {
            ZooKeeper c = zk;
            if (c != null) {
                c.close(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.CLOSED;
        listeners.forEach(l -> l.accept(State.CLOSED));
    }
}
