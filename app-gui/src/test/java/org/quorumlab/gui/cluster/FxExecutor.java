package org.quorumlab.gui.cluster;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.quorumlab.gui.common.TaskExecutor;

/** Background pool + Platform.runLater, like the shell's executor. */
final class FxExecutor implements TaskExecutor {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fx-test-work");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        CompletableFuture<T> f = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                T v = work.call();
                Platform.runLater(() -> onSuccess.accept(v));
                f.complete(v);
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
