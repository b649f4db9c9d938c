package org.quorumlab.engine.testing;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * Official-client sessions for tests, handed out once connected: the client connects in the
 * background, so a test that used it at once would race its first request against the handshake.
 */
public final class ConnectedClients {

    /** How long a test waits for a server to accept the session. */
    public static final long CONNECT_WAIT_SECONDS = 30;

    private ConnectedClients() {
    }

    /** A new session on {@code connectString}, connected. */
    public static ZooKeeper connect(String connectString, int sessionTimeoutMs) throws IOException,
            InterruptedException {
        return connect(connectString, sessionTimeoutMs, e -> { });
    }

    /** A new session on {@code connectString}, connected; {@code watcher} also sees every event. */
    public static ZooKeeper connect(String connectString, int sessionTimeoutMs, Watcher watcher)
            throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMs, signalling(connected, watcher));
        return awaitConnected(zk, connected, connectString);
    }

    /** The existing session {@code sessionId} re-attached through {@code connectString}, connected. */
    public static ZooKeeper reattach(String connectString, int sessionTimeoutMs, long sessionId, byte[] password,
            Watcher watcher) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, sessionTimeoutMs, signalling(connected, watcher), sessionId,
                password);
        return awaitConnected(zk, connected, connectString);
    }

    private static Watcher signalling(CountDownLatch connected, Watcher watcher) {
        return e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
            watcher.process(e);
        };
    }

    private static ZooKeeper awaitConnected(ZooKeeper zk, CountDownLatch connected, String connectString)
            throws IOException, InterruptedException {
        if (!connected.await(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("no server of " + connectString + " accepted a session within "
                    + CONNECT_WAIT_SECONDS + " s");
        }
        return zk;
    }
}
