package org.quorumlab.gui.recipes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.utils.CloseableUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated client: its own Curator session, created, used and closed on its own thread
 * (named {@code recipe-client-N}; Curator's and ZooKeeper's threads for the session inherit the
 * prefix, so a leaked session is visible by thread name). Subclasses implement {@link #work}.
 */
abstract class RecipeClient {

    static final String THREAD_PREFIX = "recipe-client-";
    private static final Logger LOG = LoggerFactory.getLogger(RecipeClient.class);
    private static final Pattern REMOTE = Pattern.compile("remoteserver:\\S*?([\\w.\\-]*:\\d+)");
    private static final int SESSION_TIMEOUT_MS = 10_000;
    private static final int CONNECTION_TIMEOUT_MS = 5_000;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    protected final int index;
    protected final ClientBoard board;
    protected final Pacing pacing;
    private final String connectString;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Thread thread;

    RecipeClient(int index, String connectString, ClientBoard board, Pacing pacing) {
        this.index = index;
        this.connectString = connectString;
        this.board = board;
        this.pacing = pacing;
        this.thread = new Thread(this::run, THREAD_PREFIX + index);
        thread.setDaemon(true);
    }

    /** Runs the recipe until stopped; exceptions other than interruption are retried inside. */
    protected abstract void work(CuratorFramework client) throws Exception;

    /** Called on Curator's state thread when the session is suspended or lost. */
    protected void onConnectionTrouble() {
    }

    final void start() {
        thread.start();
    }

    /** Asks the client to finish; returns at once. */
    final void requestStop() {
        stopSignal.countDown();
    }

    /** Waits until the client closed its session, interrupting it if it does not finish in time. */
    final void awaitStopped() {
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(JOIN_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    final boolean running() {
        return stopSignal.getCount() > 0 && !Thread.currentThread().isInterrupted();
    }

    /** Waits {@code d} unless stopped first; false once the client should finish. */
    final boolean pause(Duration d) {
        try {
            return !stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server this client's session is connected to right now ({@code host:port}), or "". */
    private String connectedServer(CuratorFramework c) {
        try {
            Matcher m = REMOTE.matcher(String.valueOf(c.getZookeeperClient().getZooKeeper()));
            return m.find() ? m.group(1) : "";
        } catch (Exception e) {
            return "";
        }
    }

    private void run() {
        // Curator never shuts down its default run-safe executor; owning it lets close() leave no thread behind.
        ExecutorService runSafe = Executors.newSingleThreadExecutor(threads(THREAD_PREFIX + index + "-runsafe-"));
        CuratorFramework c = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(SESSION_TIMEOUT_MS).connectionTimeoutMs(CONNECTION_TIMEOUT_MS)
                .waitForShutdownTimeoutMs(2_000).retryPolicy(new ExponentialBackoffRetry(100, 5, 1_000))
                .threadFactory(threads(THREAD_PREFIX + index + "-curator-")).runSafeService(runSafe).build();
        try {
            c.getConnectionStateListenable().addListener((client, state) -> onState(client, state));
            c.start();
            while (running() && !c.blockUntilConnected(250, TimeUnit.MILLISECONDS)) {
                board.show(index, ClientBoard.CONNECTING, "connecting to " + connectString);
            }
            if (running()) {
                work(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("recipe client {} failed", index, e);
        } finally {
            CloseableUtils.closeQuietly(c);
            runSafe.shutdownNow();
            board.stopped(index);
        }
    }

    private void onState(CuratorFramework c, ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            board.connection(index, state == ConnectionState.SUSPENDED ? ClientBoard.SUSPENDED : ClientBoard.LOST);
            board.server(index, "");
            onConnectionTrouble();
        } else if (state.isConnected()) {
            board.connection(index, null);
            board.server(index, connectedServer(c));
        }
    }

    /** Short text for an exception, for the detail column. */
    static String brief(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
