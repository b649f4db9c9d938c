package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/** Opens and closes many official-client sessions, each pinned to one server, round-robin. */
final class Sessions {

    static final int SESSION_TIMEOUT_MS = 30_000;

    private Sessions() {
    }

    /** Opens one session to {@code server}; {@code watcher} also receives the node events of default watches. */
    static ZooKeeper open(String server, Watcher watcher) throws IOException {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        return new ZooKeeper(server, SESSION_TIMEOUT_MS, watcher, cfg);
    }

    /** Opens {@code count} sessions spread round-robin over {@code servers} and waits until all are connected. */
    static List<ZooKeeper> openConnected(List<String> servers, int count, Duration timeout) throws Exception {
        CountDownLatch connected = new CountDownLatch(count);
        List<ZooKeeper> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean[] seen = new boolean[1];
            out.add(open(servers.get(i % servers.size()), e -> {
                if (e.getType() == Watcher.Event.EventType.None
                        && e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    synchronized (seen) {
                        if (!seen[0]) {
                            seen[0] = true;
                            connected.countDown();
                        }
                    }
                }
            }));
        }
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            closeAll(out);
            throw new IllegalStateException(connected.getCount() + " of " + count + " sessions not connected within "
                    + timeout);
        }
        return out;
    }

    /** Closes the sessions in parallel (each close is a replicated closeSession). */
    static void closeAll(List<ZooKeeper> sessions) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (ZooKeeper zk : sessions) {
            pool.execute(() -> {
                try {
                    zk.close(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
    }
}
