package org.quorumlab.gui.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.Stat;

/**
 * The lesson's client operations through the official ZooKeeper client, each in its own short
 * session against one server so the audience sees exactly which node answered. Requests are
 * bounded by a request timeout; a server that cannot serve makes them fail with the client's error
 * code (CONNECTIONLOSS, REQUESTTIMEOUT, ...).
 */
final class ClientOps {

    /** Requested session timeout; the server caps it (20 ticks). */
    private static final int SESSION_TIMEOUT_MS = 10_000;

    private ClientOps() {
    }

    /** Sets (or creates, with parents) {@code path} to {@code data} through {@code server}. */
    static String write(String server, String path, String data, Duration timeout)
            throws IOException, KeeperException, InterruptedException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        ZooKeeper zk = open(server, timeout);
        try {
            Stat stat;
            try {
                stat = zk.setData(path, bytes, -1);
            } catch (KeeperException.NoNodeException e) {
                createParents(zk, path);
                stat = new Stat();
                try {
                    zk.create(path, bytes, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
                } catch (KeeperException.NodeExistsException raced) {
                    stat = zk.setData(path, bytes, -1);
                }
            }
            return "\"" + data + "\" to " + path + " (version " + stat.getVersion() + ", mzxid 0x"
                    + Long.toHexString(stat.getMzxid()) + ")";
        } finally {
            zk.close();
        }
    }

    /** Reads {@code path} locally on {@code server} (no sync). */
    static String read(String server, String path, Duration timeout)
            throws IOException, KeeperException, InterruptedException {
        ZooKeeper zk = open(server, timeout);
        try {
            Stat stat = new Stat();
            byte[] data = zk.getData(path, false, stat);
            return path + " = \"" + (data == null ? "" : new String(data, StandardCharsets.UTF_8)) + "\" (version "
                    + stat.getVersion() + ", mzxid 0x" + Long.toHexString(stat.getMzxid()) + ", "
                    + stat.getDataLength() + " bytes)";
        } finally {
            zk.close();
        }
    }

    /** The client's name for a failure: the ZooKeeper error code, else the message. */
    static String reason(Throwable e) {
        if (e instanceof KeeperException ke) {
            return ke.code().name();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Errors a client outlives by reconnecting: the connection or session broke, not the request. */
    static boolean isTransient(KeeperException e) {
        return e.code() == KeeperException.Code.CONNECTIONLOSS || e.code() == KeeperException.Code.SESSIONEXPIRED
                || e.code() == KeeperException.Code.SESSIONMOVED;
    }

    private static ZooKeeper open(String server, Duration timeout) throws IOException {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        cfg.setProperty(ZKClientConfig.ZOOKEEPER_REQUEST_TIMEOUT, Long.toString(timeout.toMillis()));
        return new ZooKeeper(server, SESSION_TIMEOUT_MS, event -> { }, cfg);
    }

    private static void createParents(ZooKeeper zk, String path) throws KeeperException, InterruptedException {
        int slash = path.indexOf('/', 1);
        while (slash > 0) {
            try {
                zk.create(path.substring(0, slash), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // already there
            }
            slash = path.indexOf('/', slash + 1);
        }
    }
}
