package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;

/**
 * A client that stays connected and writes sequential znodes back to back, the way an application
 * sees a failover: it records when each write succeeded and every error, and after a
 * CONNECTIONLOSS waits for its session to reconnect (as Curator does) before writing again.
 */
final class ContinuousWriter implements AutoCloseable {

    /** What the writer saw between two instants. */
    record View(long longestGapMillis, int errors, String firstError) {
    }

    private final ZooKeeper zk;
    private final String prefix;
    private final Thread thread;
    private final List<Long> successNanos = new ArrayList<>();
    private final List<Long> errorNanos = new ArrayList<>();
    private final List<String> errorNames = new ArrayList<>();
    private volatile CountDownLatch connected = new CountDownLatch(1);
    private volatile boolean stop;

    private ContinuousWriter(ZooKeeper zk, String prefix) {
        this.zk = zk;
        this.prefix = prefix;
        this.thread = new Thread(this::loop, "continuous-writer");
        thread.setDaemon(true);
    }

    /** Opens a session on {@code connect} (session timeout {@code timeoutMs}) and waits until it is connected. */
    static ContinuousWriter open(String connect, int timeoutMs, String prefix) throws IOException, InterruptedException {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        ContinuousWriter[] self = new ContinuousWriter[1];
        CountDownLatch first = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connect, timeoutMs, e -> {
            if (e.getType() == Watcher.Event.EventType.None) {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    first.countDown();
                    if (self[0] != null) {
                        self[0].connected.countDown();
                    }
                } else if (e.getState() == Watcher.Event.KeeperState.Disconnected && self[0] != null) {
                    self[0].connected = new CountDownLatch(1);
                }
            }
        }, cfg);
        if (!first.await(30, TimeUnit.SECONDS)) {
            zk.close();
            throw new IOException("could not connect to " + connect);
        }
        self[0] = new ContinuousWriter(zk, prefix);
        self[0].connected.countDown();
        return self[0];
    }

    /** The server this session is connected to ({@code host:port}), from the client's own description. */
    String server() {
        String s = zk.toString();
        int at = s.indexOf("remoteserver:");
        if (at < 0) {
            return "";
        }
        String rest = s.substring(at + "remoteserver:".length()).trim();
        int end = rest.indexOf(' ');
        String addr = end < 0 ? rest : rest.substring(0, end);
        return addr.startsWith("/") ? addr.substring(1) : addr;
    }

    void start() {
        thread.start();
    }

    private void loop() {
        byte[] data = "w".getBytes(StandardCharsets.UTF_8);
        while (!stop) {
            try {
                zk.create(prefix, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
                record(successNanos, System.nanoTime(), null);
            } catch (KeeperException e) {
                record(errorNanos, System.nanoTime(), e.code().name());
                if (e.code() == KeeperException.Code.SESSIONEXPIRED) {
                    return;
                }
                try {
                    connected.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(List<Long> into, long nanos, String error) {
        into.add(nanos);
        if (error != null) {
            errorNames.add(error);
        }
    }

    /** Successful writes so far. */
    synchronized int successes() {
        return successNanos.size();
    }

    /** Successful writes completed after {@code nanos}. */
    synchronized long successesAfter(long nanos) {
        return successNanos.stream().filter(t -> t > nanos).count();
    }

    /** The longest time without a successful write within [from, to], and the errors in it. */
    synchronized View view(long fromNanos, long toNanos) {
        long previous = fromNanos;
        long longest = 0;
        for (long t : successNanos) {
            if (t < fromNanos) {
                previous = t;
                continue;
            }
            if (t > toNanos) {
                break;
            }
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        longest = Math.max(longest, Math.max(0, toNanos - previous));
        int errors = 0;
        String first = null;
        for (int i = 0; i < errorNanos.size(); i++) {
            long t = errorNanos.get(i);
            if (t >= fromNanos && t <= toNanos) {
                errors++;
                if (first == null) {
                    first = errorNames.get(i);
                }
            }
        }
        return new View(TimeUnit.NANOSECONDS.toMillis(longest), errors, first);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.interrupt();
        thread.join(10_000);
        zk.close(1000);
    }
}
