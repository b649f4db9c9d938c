package org.quorumlab.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * A TaskExecutor whose "UI thread" is one plain thread and whose background results are held until
 * the test delivers them, in any order: reproduces a slow reload finishing after a newer one.
 * The work itself runs at once on the UI thread, so server-side effects (watches) happen in call order.
 */
public final class DeferredResultsExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        try {
            T v = task.call();
            held.add(() -> onSuccess.accept(v));
            return CompletableFuture.completedFuture(v);
        } catch (Exception e) {
            held.add(() -> onError.accept(e));
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** Number of results waiting for delivery. */
    public int held() throws Exception {
        return read(held::size);
    }

    /** Delivers the held results, newest first. */
    public void deliverNewestFirst() throws Exception {
        read(() -> {
            while (!held.isEmpty()) {
                held.remove(held.size() - 1).run();
            }
            return null;
        });
    }

    /** Delivers the held results in the order their work ran. */
    public void deliverInOrder() throws Exception {
        read(() -> {
            while (!held.isEmpty()) {
                held.remove(0).run();
            }
            return null;
        });
    }

    /** Evaluates {@code s} on the "UI thread". */
    public <T> T read(Supplier<T> s) throws Exception {
        return CompletableFuture.supplyAsync(s, ui).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ui.shutdownNow();
    }
}
