package org.quorumlab.gui.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ZkSession;

/** Export/import of subtrees and backup/restore of the whole tree, with progress. */
public final class TransferViewModel {

    private final TreeTransfer transfer;
    private final TaskExecutor executor;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    /** Transfers over {@code session}. */
    public TransferViewModel(ZkSession session, TaskExecutor executor) {
        this.transfer = new TreeTransfer(session::client);
        this.executor = executor;
    }

    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty messageProperty() { return message; }

    /** Writes the subtree at {@code root} to {@code file}. */
    public void export(String root, Path file) {
        start();
        executor.run(() -> {
            String json = transfer.export(root, this::report);
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return json.length();
        }, n -> finish("exported " + root + " to " + file.getFileName()), this::fail);
    }

    /** Reads {@code file} and imports it under {@code targetRoot}. */
    public void importFrom(Path file, String targetRoot) {
        start();
        executor.run(() -> transfer.importDocument(Files.readString(file, StandardCharsets.UTF_8), targetRoot, this::report),
                r -> finish("imported into " + targetRoot + ": " + r.created() + " created, " + r.updated()
                        + " updated, " + r.skipped() + " skipped"), this::fail);
    }

    /** Reads {@code file} and imports its root as a child of {@code parent}. */
    public void importUnder(Path file, String parent) {
        start();
        executor.run(() -> transfer.importUnder(Files.readString(file, StandardCharsets.UTF_8), parent, this::report),
                r -> finish("imported under " + parent + ": " + r.created() + " created, " + r.updated()
                        + " updated, " + r.skipped() + " skipped"), this::fail);
    }

    /** Backup of the whole tree. */
    public void backup(Path file) {
        export("/", file);
    }

    /** Restore of a whole-tree backup. */
    public void restore(Path file) {
        importFrom(file, "/");
    }

    private void start() {
        running.set(true);
        progress.set(0);
        message.set("working…");
    }

    private void report(int done, int total) {
        double p = total == 0 ? 1 : (double) done / total;
        executor.onUi(() -> progress.set(p));
    }

    private void finish(String text) {
        progress.set(1);
        running.set(false);
        message.set(text);
    }

    private void fail(Throwable e) {
        running.set(false);
        message.set("failed: " + e.getMessage());
    }
}
