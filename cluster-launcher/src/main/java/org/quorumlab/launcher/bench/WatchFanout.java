package org.quorumlab.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Watch fan-out: {@code watchSessions} sessions each hold a data watch on each of
 * {@code watchesPerSession} znodes; one writer session sets one znode at a time, and every
 * watcher re-arms its watch with a {@code getData} as soon as its notification arrives. The next
 * write goes out once all sessions re-armed. Latency: from the writer's setData call to the
 * notification's arrival at each watching session (same JVM, same clock).
 */
final class WatchFanout {

    static final String ROOT = "/qlbench-watch";
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(20);

    private final List<String> servers;
    private final ThroughputSpec spec;
    private volatile long roundStart;
    private volatile long windowFrom;
    private volatile long windowTo;
    private volatile CountDownLatch rearmed;

    WatchFanout(List<String> servers, ThroughputSpec spec) {
        this.servers = List.copyOf(servers);
        this.spec = spec;
    }

    /** Notifications delivered in the window ({@code ok}), missed ones ({@code errors}), latency of each. */
    LoadDriver.Window run(Runnable atWindowStart, Runnable atWindowEnd) throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < spec.watchesPerSession(); i++) {
            paths.add(ROOT + "/n" + i);
        }
        List<ZooKeeper> writerSession = Sessions.openConnected(servers, 1, Duration.ofSeconds(30));
        ZooKeeper writer = writerSession.get(0);
        createIfAbsent(writer, ROOT);
        for (String p : paths) {
            createIfAbsent(writer, p);
        }
        List<Watching> watchers = new ArrayList<>();
        List<ZooKeeper> sessions = Sessions.openConnected(servers, spec.watchSessions(), Duration.ofSeconds(120));
        try {
            CountDownLatch armed = new CountDownLatch(sessions.size() * paths.size());
            rearmed = armed;
            for (ZooKeeper zk : sessions) {
                Watching w = new Watching(zk);
                watchers.add(w);
                for (String p : paths) {
                    w.arm(p);
                }
            }
            if (!armed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(armed.getCount() + " watches not set within 120 s");
            }
            long start = System.nanoTime();
            windowFrom = start + spec.warmup().toNanos();
            windowTo = windowFrom + spec.duration().toNanos();
            boolean windowOpen = false;
            long missed = 0;
            byte[] data = new byte[spec.valueSize()];
            for (int round = 0; ; round++) {
                long now = System.nanoTime();
                if (!windowOpen && now >= windowFrom) {
                    atWindowStart.run();
                    windowOpen = true;
                }
                if (now >= windowTo) {
                    break;
                }
                String path = paths.get(round % paths.size());
                CountDownLatch latch = new CountDownLatch(sessions.size());
                rearmed = latch;
                roundStart = System.nanoTime();
                writer.setData(path, data, -1);
                if (!latch.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (roundStart >= windowFrom) {
                        missed += latch.getCount();
                    }
                    break;
                }
            }
            atWindowEnd.run();
            LogHistogram all = new LogHistogram();
            long ok = 0;
            for (Watching w : watchers) {
                synchronized (w) {
                    all.add(w.histogram);
                    ok += w.notified;
                }
            }
            return new LoadDriver.Window(all, ok, missed);
        } finally {
            Sessions.closeAll(sessions);
            Sessions.closeAll(writerSession);
        }
    }

    private static void createIfAbsent(ZooKeeper zk, String path) throws Exception {
        try {
            zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException ignored) {
            // left by an earlier run
        }
    }

    /** One watching session; its watcher and callbacks run on the session's event thread. */
    private final class Watching implements Watcher {
        final ZooKeeper zk;
        final LogHistogram histogram = new LogHistogram();
        long notified;

        Watching(ZooKeeper zk) {
            this.zk = zk;
        }

        void arm(String path) {
            zk.getData(path, this, (AsyncCallback.DataCallback) (rc, p, ctx, d, stat) -> rearmed.countDown(), null);
        }

        @Override
        public void process(WatchedEvent event) {
            if (event.getType() != Event.EventType.NodeDataChanged) {
                return;
            }
            long t0 = roundStart;
            long micros = (System.nanoTime() - t0) / 1000;
            if (t0 >= windowFrom && t0 < windowTo) {
                synchronized (this) {
                    histogram.record(micros);
                    notified++;
                }
            }
            arm(event.getPath());
        }
    }
}
