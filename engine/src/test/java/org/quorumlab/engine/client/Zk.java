package org.quorumlab.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;

/** Official-client helpers shared by the compatibility tests: connect and wait, record events. */
final class Zk {

    static final int SESSION_TIMEOUT_MS = 10_000;
    static final long WAIT_SECONDS = 30;

    private Zk() {
    }

    /** A watcher that queues every event it sees. */
    static final class Events implements Watcher {
        final BlockingQueue<WatchedEvent> queue = new LinkedBlockingQueue<>();

        @Override
        public void process(WatchedEvent event) {
            queue.add(event);
        }

        WatchedEvent next() throws InterruptedException {
            WatchedEvent e = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(e).as("expected a watch event").isNotNull();
            return e;
        }

        /** Next event that is not a connection-state change. */
        WatchedEvent nextNode() throws InterruptedException {
            while (true) {
                WatchedEvent e = next();
                if (e.getType() != Event.EventType.None) {
                    return e;
                }
            }
        }

        /** Waits for the given connection state, skipping others. */
        void awaitState(Event.KeeperState state) throws InterruptedException {
            while (true) {
                WatchedEvent e = next();
                if (e.getType() == Event.EventType.None && e.getState() == state) {
                    return;
                }
            }
        }
    }

    static ZooKeeper connect(int port) throws IOException, InterruptedException {
        return connect(port, SESSION_TIMEOUT_MS, e -> { });
    }

    static ZooKeeper connect(int port, int timeoutMs, Watcher watcher) throws IOException, InterruptedException {
        return ConnectedClients.connect("127.0.0.1:" + port, timeoutMs, watcher);
    }

    static ZooKeeper reattach(int port, int timeoutMs, long sessionId, byte[] password, Watcher watcher)
            throws IOException, InterruptedException {
        return ConnectedClients.reattach("127.0.0.1:" + port, timeoutMs, sessionId, password, watcher);
    }

    /** Runs a multi and returns its per-op results whether or not it failed. */
    static List<OpResult> multiResults(ZooKeeper zk, Iterable<org.apache.zookeeper.Op> ops)
            throws InterruptedException {
        try {
            return zk.multi(ops);
        } catch (KeeperException e) {
            return e.getResults();
        }
    }

    static void closeQuietly(ZooKeeper zk) {
        if (zk != null) {
            try {
                zk.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
