package org.quorumlab.engine.ensemble;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;

/** Official-client conveniences for ensemble tests: connect and wait, retry through failovers. */
final class ClientHelpers {

    private ClientHelpers() {
    }

    static ZooKeeper connect(String connectString) throws Exception {
        return connect(connectString, 0, null);
    }

    static ZooKeeper connect(String connectString, long sessionId, byte[] password) throws Exception {
        return password == null ? ConnectedClients.connect(connectString, 15000)
                : ConnectedClients.reattach(connectString, 15000, sessionId, password, event -> { });
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
