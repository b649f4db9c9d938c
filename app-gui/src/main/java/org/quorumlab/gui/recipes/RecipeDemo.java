package org.quorumlab.gui.recipes;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Runs N simulated clients of one Curator recipe against an ensemble. Each client is a real Curator
 * session on its own thread; nothing here runs on (or needs) the FX thread. {@link #start} and
 * {@link #stop} block until the previous clients' sessions are closed, so call them off the FX thread.
 * Thread-safe.
 */
public final class RecipeDemo implements AutoCloseable {

    /** Most clients one demo runs. */
    public static final int MAX_CLIENTS = 50;
    private final String connectString;
    private final Pacing pacing;
    private final Object lifecycle = new Object();
    private volatile DemoRun run;
    private volatile boolean running;

    /**
     * @param connectString ZooKeeper connect string, optionally with a chroot
     * @param random        source of hold times and pauses (tests pass a deterministic one)
     */
    public RecipeDemo(String connectString, RandomGenerator random) {
        if (connectString == null || connectString.isBlank()) {
            throw new IllegalArgumentException("connect string is empty; connect to an ensemble first");
        }
        this.connectString = connectString.trim();
        this.pacing = new Pacing(random);
    }

    /**
     * Starts {@code clients} simulated clients of {@code recipe}, stopping a running demo first.
     *
     * @throws IllegalArgumentException when {@code clients} is not 1..50
     */
    public void start(Recipe recipe, int clients) {
        Objects.requireNonNull(recipe, "recipe");
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("clients must be between 1 and " + MAX_CLIENTS + ", not " + clients);
        }
        synchronized (lifecycle) {
            stopCurrent();
            DemoRun r = new DemoRun(recipe, clients, connectString, pacing);
            run = r;
            running = true;
            r.start();
        }
    }

    /** Stops every client and closes its session; the last snapshot stays readable. */
    public void stop() {
        synchronized (lifecycle) {
            stopCurrent();
        }
    }

    private void stopCurrent() {
        DemoRun r = run;
        running = false;
        if (r != null) {
            r.stop();
        }
    }

    /** Stops client {@code index} (1-based) alone, e.g. to let the leader go; the others keep running. */
    public void stopClient(int index) {
        DemoRun r = run;
        if (r == null) {
            throw new IllegalStateException("no demo running");
        }
        r.stopClient(index);
    }

    @Override
    public void close() {
        stop();
    }

    /** True between {@link #start} and {@link #stop}. */
    public boolean isRunning() {
        return running;
    }

    /** The recipe of the current (or last) demo, or null before the first start. */
    public Recipe recipe() {
        DemoRun r = run;
        return r == null ? null : r.recipe();
    }

    /** A consistent snapshot of every client of the current (or last) demo; empty before the first start. */
    public List<SimulatedClient> clients() {
        DemoRun r = run;
        return r == null ? List.of() : r.board().snapshot();
    }

    /** Headline and safety check of the current (or last) demo. */
    public DemoSummary summary() {
        DemoRun r = run;
        return r == null ? DemoSummary.IDLE : r.summary();
    }

    /** The server ({@code host:port}) client {@code index} is connected to right now, or "" when none. */
    public String connectedServer(int index) {
        DemoRun r = run;
        return r == null ? "" : r.connectedServer(index);
    }

    /** Current demo's bookkeeping, for tests in this package. */
    DemoRun currentRun() {
        return run;
    }
}
