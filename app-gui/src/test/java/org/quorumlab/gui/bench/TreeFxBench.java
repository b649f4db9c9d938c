package org.quorumlab.gui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.quorumlab.gui.TestServer;
import org.quorumlab.gui.common.FxTaskExecutor;
import org.quorumlab.gui.io.TransferViewModel;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.WatchEventBus;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.gui.tree.NodeActionsViewModel;
import org.quorumlab.gui.tree.TreePaneView;
import org.quorumlab.gui.tree.TreeViewModel;
import org.quorumlab.gui.tree.ZNodeModel;

/**
 * Measures the console's tree in a real JavaFX {@link TreeView} (headless Monocle): expanding
 * {@code /big} with 100,000 children in the real tree pane, with the production executor. An
 * {@link AnimationTimer} keeps pulses coming and records the longest gap between two frames while the
 * expansion runs (a stall of the FX thread shows as a long gap; 16.7 ms is one frame), and the time
 * until the first child's row is rendered. Run with {@code bench/tree.sh --fx} (not a unit test).
 */
final class TreeFxBench {

    private static final String BIG = "/big";
    private static final String FIRST_CHILD = "node-000000";
    /** Frames observed after the first rows are shown, to catch late work (Stats, cells). */
    private static final int SETTLE_FRAMES = 60;
    private static final Duration WAIT = Duration.ofMinutes(2);

    private record Iteration(double firstRowsMs, double longestGapMs, double longestCpuMs, double gcMs,
            double settledMs) {
    }

    private TreeFxBench() {
    }

    static void run(String connect, int children, int iterations, int warmup) throws Exception {
        TestServer server = connect == null ? new TestServer() : null;
        String target = connect == null ? server.connectString() : connect;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        try (ZkSession session = ZkSession.connect(ConnectionSpec.parse(target), new WatchEventBus(),
                Duration.ofSeconds(30)); FxTaskExecutor executor = new FxTaskExecutor(3)) {
            long t0 = System.nanoTime();
            int created = TreeBench.populate(session.client(), children);
            System.out.printf(Locale.ROOT, "%s: %,d children (%,d created in %.1f s); JavaFX TreeView, Monocle headless%n",
                    BIG, children, created, (System.nanoTime() - t0) / 1e9);
            Stage stage = onFx(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(new javafx.scene.layout.Pane(), 900, 700));
                s.show();
                return s;
            });
            List<Iteration> runs = new ArrayList<>();
            for (int i = 0; i < warmup + iterations; i++) {
                Iteration it = once(session, executor, stage);
                System.out.printf(Locale.ROOT,
                        "  %s %2d: first rows %.1f ms, longest frame gap %.1f ms, most FX CPU between frames %.1f ms,"
                        + " GC %.1f ms%n", i < warmup ? "warm-up" : "run    ", i + 1, it.firstRowsMs(), it.longestGapMs(),
                        it.longestCpuMs(), it.gcMs());
                if (i >= warmup) {
                    runs.add(it);
                }
            }
            report(runs, warmup);
            onFx(() -> {
                stage.close();
                return null;
            });
        } finally {
            Platform.exit();
            if (server != null) {
                server.close();
            }
        }
    }

    private static Iteration once(ZkSession session, FxTaskExecutor executor, Stage stage) throws Exception {
        TreeViewModel vm = new TreeViewModel(session, executor);
        TreeView<ZNodeModel> tree = onFx(() -> {
            Parent pane = TreePaneView.create(vm, new NodeActionsViewModel(session, executor),
                    new TransferViewModel(session, executor));
            stage.getScene().setRoot(pane);
            pane.applyCss();
            pane.layout();
            vm.start();
            @SuppressWarnings("unchecked")
            TreeView<ZNodeModel> t = (TreeView<ZNodeModel>) pane.lookup("#znodeTree");
            return t;
        });
        CompletableFuture<TreeItem<ZNodeModel>> bigItem = new CompletableFuture<>();
        Probe probe = new Probe(tree, bigItem);
        onFx(() -> {
            probe.start();
            return null;
        });
        TreeItem<ZNodeModel> big = bigItem.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long gcBefore = gcMillis();
        onFx(() -> {
            probe.expandStart = System.nanoTime();
            probe.longestGap = 0;
            probe.longestCpu = 0;
            big.setExpanded(true);
            return null;
        });
        if (!probe.done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the tree did not show " + BIG + "'s children within " + WAIT.toSeconds() + " s");
        }
        onFx(() -> {
            probe.stop();
            return null;
        });
        return new Iteration((probe.firstRows - probe.expandStart) / 1e6, probe.longestGap / 1e6,
                probe.longestCpu / 1e6, gcMillis() - gcBefore, (probe.settled - probe.expandStart) / 1e6);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** Runs on every frame: finds /big, then watches for its first child's row and the frame gaps. */
    private static final class Probe extends AnimationTimer {
        private final TreeView<ZNodeModel> tree;
        private final CompletableFuture<TreeItem<ZNodeModel>> bigItem;
        final CountDownLatch done = new CountDownLatch(1);
        long expandStart;
        long lastFrame;
        long lastCpu;
        long longestGap;
        long longestCpu;
        long firstRows;
        long settled;
        int framesSinceRows;

        Probe(TreeView<ZNodeModel> tree, CompletableFuture<TreeItem<ZNodeModel>> bigItem) {
            this.tree = tree;
            this.bigItem = bigItem;
        }

        @Override
        public void handle(long frameTime) {
            long now = System.nanoTime();
            // CPU the FX thread itself used between two frames: the gap minus waiting for a core (2 vCPUs shared)
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (lastFrame != 0 && expandStart != 0) {
                longestGap = Math.max(longestGap, now - lastFrame);
                longestCpu = Math.max(longestCpu, cpu - lastCpu);
            }
            lastFrame = now;
            lastCpu = cpu;
            if (!bigItem.isDone()) {
                for (TreeItem<ZNodeModel> item : tree.getRoot().getChildren()) {
                    if (item.getValue().path().equals(BIG)) {
                        bigItem.complete(item);
                    }
                }
                return;
            }
            if (expandStart == 0) {
                return;
            }
            if (firstRows == 0) {
                if (firstChildShown()) {
                    firstRows = now;
                }
                return;
            }
            if (++framesSinceRows == SETTLE_FRAMES) {
                settled = now;
                done.countDown();
            }
        }

        private boolean firstChildShown() {
            for (Node n : tree.lookupAll(".tree-cell")) {
                if (n instanceof TreeCell<?> && n.isVisible()) {
                    Object item = ((TreeCell<?>) n).getItem();
                    if (item instanceof ZNodeModel && ((ZNodeModel) item).name().equals(FIRST_CHILD)
                            && ((TreeCell<?>) n).getGraphic() != null) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void report(List<Iteration> runs, int warmup) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%d iterations after %d warm-up; %d CPUs, Java %s, load average %.2f%n",
                runs.size(), warmup, os.getAvailableProcessors(), Runtime.version(), os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-48s %9s %9s %9s%n", "", "median", "p90", "max");
        row("expand /big in a TreeView: first rows shown (ms)", runs.stream().mapToDouble(Iteration::firstRowsMs).toArray());
        row("expand: longest FX frame gap (ms)", runs.stream().mapToDouble(Iteration::longestGapMs).toArray());
        row("expand: most FX-thread CPU between frames (ms)", runs.stream().mapToDouble(Iteration::longestCpuMs).toArray());
        row("expand: GC time during the expand (ms)", runs.stream().mapToDouble(Iteration::gcMs).toArray());
        row("expand: settled (first rows + 60 frames) (ms)", runs.stream().mapToDouble(Iteration::settledMs).toArray());
    }

    private static void row(String name, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "%-48s %9.1f %9.1f %9.1f%n", name, TreeBench.percentile(v, 0.5),
                TreeBench.percentile(v, 0.9), v[v.length - 1]);
    }
}
