package org.quorumlab.gui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.WatchEventBus;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.tree.TreeViewModel;
import org.quorumlab.gui.tree.ZNodeModel;

/**
 * Measures the console's tree on a large level, at ViewModel level with the real ZooKeeper client:
 * the first level of the tree (listed, then with the Stats of its nodes) and the expansion of a node
 * with 100,000 children (listed and merged into the model, then the first Stats). Each iteration
 * builds a fresh {@link TreeViewModel} on one session; the "UI thread" is one plain thread and the
 * blocking work runs on a pool, as in the console. Run with {@code bench/tree.sh} (not a unit test).
 *
 * <pre>
 *   bench/tree.sh [--fx] [--connect host:port] [--children 100000] [--iterations 15] [--warmup 3]
 * </pre>
 * {@code --fx} measures the same expansion in a real JavaFX TreeView instead ({@link TreeFxBench}).
 * Without {@code --connect} a QuorumLab server runs in this JVM (over TCP on an ephemeral port).
 * {@code /big} is created with multi batches of 1,000 creates, or reused when it already has the
 * requested number of children.
 */
public final class TreeBench {

    private static final String BIG = "/big";
    private static final int BATCH = 1_000;
    private static final Duration WAIT = Duration.ofMinutes(2);

    private record Iteration(double firstLevelMs, double firstLevelStatsMs, double expandMs, double expandStatsMs,
            double expandUiBlockMs) {
    }

    /** Measures the longest single piece of work the tree runs on the "UI thread". */
    private static final class UiTimer implements TaskExecutor {
        private final SerialExecutor delegate;
        private volatile long longestNanos;

        UiTimer(SerialExecutor delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            return delegate.run(work, v -> timed(() -> onSuccess.accept(v)), onError);
        }

        @Override
        public void onUi(Runnable action) {
            delegate.onUi(() -> timed(action));
        }

        private void timed(Runnable action) {
            long t0 = System.nanoTime();
            action.run();
            longestNanos = Math.max(longestNanos, System.nanoTime() - t0);
        }

        /** The longest UI-thread piece since the last call, in ms. */
        double takeLongestMs() throws Exception {
            return delegate.read(() -> {
                double ms = longestNanos / 1e6;
                longestNanos = 0;
                return ms;
            });
        }
    }

    private TreeBench() {
    }

    public static void main(String[] args) throws Exception {
        String connect = null;
        int children = 100_000;
        int iterations = 15;
        int warmup = 3;
        boolean fx = false;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (args[i].equals("--fx")) {
                    fx = true;
                    i--;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--connect" -> connect = value;
                    case "--children" -> children = positive(args[i], value);
                    case "--iterations" -> iterations = positive(args[i], value);
                    case "--warmup" -> warmup = number(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench tree: " + e.getMessage()
                    + "\nusage: bench/tree.sh [--fx] [--connect host:port] [--children N] [--iterations N] [--warmup N]");
            System.exit(2);
        }
        if (fx) {
            TreeFxBench.run(connect, children, iterations, warmup);
            return;
        }
        TestServer server = connect == null ? new TestServer() : null;
        String target = connect == null ? server.connectString() : connect;
        try (ZkSession session = ZkSession.connect(ConnectionSpec.parse(target), new WatchEventBus(),
                Duration.ofSeconds(30)); SerialExecutor ui = new SerialExecutor()) {
            long t0 = System.nanoTime();
            int created = populate(session.client(), children);
            System.out.printf(Locale.ROOT, "%s: %,d children (%,d created in %.1f s)%n", BIG, children, created,
                    (System.nanoTime() - t0) / 1e9);
            List<Iteration> runs = new ArrayList<>();
            for (int i = 0; i < warmup + iterations; i++) {
                Iteration it = once(session, ui, children);
                if (i >= warmup) {
                    runs.add(it);
                }
            }
            report(runs, children, warmup);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got '" + value + "'");
        }
    }

    private static int positive(String option, String value) {
        int n = number(option, value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + n);
        }
        return n;
    }

    /** Creates the missing children of /big with pipelined multis; returns how many were created. */
    static int populate(ZooKeeper zk, int children) throws Exception {
        try {
            zk.create(BIG, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            Stat s = zk.exists(BIG, false);
            if (s.getNumChildren() == children) {
                return 0;
            }
            if (s.getNumChildren() != 0) {
                throw new IllegalStateException(BIG + " has " + s.getNumChildren() + " children, not " + children
                        + "; delete it first (deleteall " + BIG + ")");
            }
        }
        byte[] data = "v".getBytes(StandardCharsets.UTF_8);
        Semaphore inFlight = new Semaphore(8);
        AtomicReference<String> failure = new AtomicReference<>();
        int batches = (children + BATCH - 1) / BATCH;
        CountDownLatch done = new CountDownLatch(batches);
        for (int b = 0; b < batches; b++) {
            List<Op> ops = new ArrayList<>();
            for (int i = b * BATCH; i < Math.min(children, (b + 1) * BATCH); i++) {
                ops.add(Op.create(String.format(Locale.ROOT, "%s/node-%06d", BIG, i), data,
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            }
            inFlight.acquire();
            zk.multi(ops, (rc, path, ctx, results) -> {
                if (rc != KeeperException.Code.OK.intValue()) {
                    failure.compareAndSet(null, KeeperException.Code.get(rc).name());
                }
                inFlight.release();
                done.countDown();
            }, null);
        }
        if (!done.await(10, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("populating " + BIG + " failed: " + failure.get());
        }
        return children;
    }

    private static Iteration once(ZkSession session, SerialExecutor serial, int children) throws Exception {
        UiTimer ui = new UiTimer(serial);
        TreeViewModel vm = new TreeViewModel(session, ui);
        ZNodeModel root = vm.root();
        Timing firstLevel = new Timing();
        serial.read(() -> {
            firstLevel.watch(root);
            firstLevel.start = System.nanoTime();
            vm.start();
            return null;
        });
        firstLevel.await();
        ZNodeModel big = serial.read(() -> vm.find(BIG));
        ui.takeLongestMs();
        Timing expand = new Timing();
        serial.read(() -> {
            expand.watch(big);
            expand.start = System.nanoTime();
            vm.expand(big);
            return null;
        });
        expand.await();
        double uiBlock = ui.takeLongestMs();
        int loaded = serial.read(() -> big.children().size());
        if (loaded != children) {
            throw new IllegalStateException("expanded " + BIG + " shows " + loaded + " children, expected " + children);
        }
        return new Iteration(firstLevel.listedMs(), firstLevel.statsMs(), expand.listedMs(), expand.statsMs(), uiBlock);
    }

    /**
     * When a node's children were listed, and when the Stat of the first child shown (the eager batch
     * is applied as one UI update, so the first one stands for the batch) arrived. Registered on the
     * "UI thread" before the work starts.
     */
    private static final class Timing {
        final CountDownLatch statsShown = new CountDownLatch(1);
        volatile long start;
        volatile long listed;
        volatile long stats;

        void watch(ZNodeModel node) {
            node.childrenLoadedProperty().addListener((o, was, now) -> {
                if (now && listed == 0) {
                    listed = System.nanoTime();
                    ZNodeModel last = node.children().get(Math.min(node.children().size(), 200) - 1);
                    if (last.stat() != null) {
                        stats = listed;
                        statsShown.countDown();
                        return;
                    }
                    last.statProperty().addListener((ChangeListener<Stat>) (o2, a, b) -> {
                        if (b != null && stats == 0) {
                            stats = System.nanoTime();
                            statsShown.countDown();
                        }
                    });
                }
            });
        }

        void await() throws InterruptedException {
            if (!statsShown.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the tree did not show the level within " + WAIT.toSeconds() + " s");
            }
        }

        double listedMs() {
            return (listed - start) / 1e6;
        }

        double statsMs() {
            return (stats - start) / 1e6;
        }
    }

    private static void report(List<Iteration> runs, int children, int warmup) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%d iterations after %d warm-up; %d CPUs, Java %s, load average %.2f%n",
                runs.size(), warmup, os.getAvailableProcessors(), Runtime.version(), os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "", "median", "p90", "max");
        row("first level listed (ms)", runs.stream().mapToDouble(Iteration::firstLevelMs).toArray());
        row("first level with Stats (ms)", runs.stream().mapToDouble(Iteration::firstLevelStatsMs).toArray());
        row(String.format(Locale.ROOT, "expand %s: %,d children listed (ms)", BIG, children),
                runs.stream().mapToDouble(Iteration::expandMs).toArray());
        row(String.format(Locale.ROOT, "expand %s: first %d Stats shown (ms)", BIG, 200),
                runs.stream().mapToDouble(Iteration::expandStatsMs).toArray());
        row("expand: longest UI-thread step (ms)", runs.stream().mapToDouble(Iteration::expandUiBlockMs).toArray());
    }

    private static void row(String name, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-44s %9.1f %9.1f %9.1f%n", name, percentile(v, 0.5), percentile(v, 0.9),
                v[v.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
