package org.quorumlab.engine.ensemble;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** Official-client conveniences for ensemble tests: connect and wait, retry through failovers. */
final class ClientHelpers {

    private ClientHelpers() {
    }

    static ZooKeeper connect(String connectString) throws Exception {
        return connect(connectString, 0, null);
    }

    static ZooKeeper connect(String connectString, long sessionId, byte[] password) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        Watcher w = e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        };
        ZooKeeper zk = password == null ? new ZooKeeper(connectString, 15000, w)
                : new ZooKeeper(connectString, 15000, w, sessionId, password);
        if (!connected.await(30, TimeUnit.SECONDS)) {
            zk.close();
            throw new AssertionError("could not connect to " + connectString);
        }
        return zk;
    }

    /** Retries {@code op} through connection loss while the ensemble elects a leader. */
    static <T> T retry(Callable<T> op) {
        Object[] out = new Object[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(t -> t instanceof org.apache.zookeeper.KeeperException.ConnectionLossException
                        || t instanceof org.apache.zookeeper.KeeperException.OperationTimeoutException)
                .until(() -> {
                    out[0] = op.call();
                    return true;
                });
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
