package org.quorumlab.gui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quorumlab.gui.common.TaskExecutor;

/** A TaskExecutor whose "UI thread" is one plain thread: integration tests without a screen. */
public final class SerialExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-work");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> CompletableFuture<T> run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        CompletableFuture<T> f = new CompletableFuture<>();
        work.execute(() -> {
            try {
                T v = task.call();
                onUi(() -> onSuccess.accept(v));
                f.complete(v);
            } catch (Exception e) {
                onUi(() -> onError.accept(e));
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void onUi(Runnable action) {
        try {
            ui.execute(action);
        } catch (RejectedExecutionException closed) {
            // Background work that finishes after the test closed this executor has no UI left to
            // update; throwing here would surface in whichever test runs next (TestFX re-throws
            // uncaught exceptions of other threads).
        }
    }

    /** Reads a value on the "UI thread". */
    public <T> T read(Supplier<T> s) throws Exception {
        return CompletableFuture.supplyAsync(s, ui).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ui.shutdownNow();
        work.shutdownNow();
    }
}
