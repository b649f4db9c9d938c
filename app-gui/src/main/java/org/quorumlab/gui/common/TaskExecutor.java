package org.quorumlab.gui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (ZooKeeper calls, HTTP, process control) off the FX thread and hands results
 * back on the UI thread. Production: a thread pool + Platform.runLater. Tests: {@link #synchronous()}
 * runs everything inline, so ViewModels are testable without a screen.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; {@code onSuccess}/{@code onError} run on the UI thread. */
    <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs {@code action} on the UI thread (inline when already there or in synchronous mode). */
    void onUi(Runnable action);

    /** Executes everything on the calling thread; for ViewModel unit tests. */
    static TaskExecutor synchronous() {
        return new TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                try {
                    T value = work.call();
                    onSuccess.accept(value);
                    return CompletableFuture.completedFuture(value);
                } catch (Exception e) {
                    onError.accept(e);
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }
        };
    }
}
