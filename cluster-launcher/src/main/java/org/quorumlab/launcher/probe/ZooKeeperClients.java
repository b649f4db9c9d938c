package org.quorumlab.launcher.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.client.ZKClientConfig;
import org.quorumlab.launcher.LauncherException;

/** Official-client sessions the launcher opens, connected before they are handed out. */
public final class ZooKeeperClients {

    public static final int SESSION_TIMEOUT_MS = 10_000;

    private ZooKeeperClients() {
    }

    /** A {@link ZooKeeperAdmin} (usable for ordinary operations too) connected within {@code timeout}. */
    public static ZooKeeperAdmin connect(String connectString, Duration timeout) {
        return connect(connectString, SESSION_TIMEOUT_MS, timeout);
    }

    /** As {@link #connect(String, Duration)}, asking for a session timeout of {@code sessionTimeoutMs}. */
    public static ZooKeeperAdmin connect(String connectString, int sessionTimeoutMs, Duration timeout) {
        CountDownLatch connected = new CountDownLatch(1);
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        ZooKeeperAdmin zk;
        try {
            zk = new ZooKeeperAdmin(connectString, sessionTimeoutMs, e -> {
                if (e.getState() == KeeperState.SyncConnected) {
                    connected.countDown();
                }
            }, cfg);
        } catch (IOException e) {
            throw new LauncherException("cannot connect to " + connectString + ": " + e.getMessage(), e);
        }
        try {
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                closeQuietly(zk);
                throw new LauncherException("no server of " + connectString + " accepted a session within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(zk);
            throw new LauncherException("interrupted while connecting to " + connectString, e);
        }
        return zk;
    }

    public static void closeQuietly(ZooKeeper zk) {
        try {
            zk.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
