package org.quorumlab.launcher.probe;

import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.admin.ZooKeeperAdmin;

/**
 * Proves a quorum accepts writes: creates an ephemeral sequential znode under the root and closes
 * the session (which deletes it), leaving nothing behind in the user's tree.
 */
public final class WriteProbe {

    static final String PREFIX = "/.quorumlab-probe-";

    private WriteProbe() {
    }

    /** True if a write was acknowledged within {@code timeout}. */
    public static boolean write(String connectString, Duration timeout) {
        ZooKeeperAdmin zk;
        try {
            zk = ZooKeeperClients.connect(connectString, timeout);
        } catch (RuntimeException e) {
            return false;
        }
        try {
            zk.create(PREFIX, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
            return true;
        } catch (KeeperException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            ZooKeeperClients.closeQuietly(zk);
        }
    }
}
