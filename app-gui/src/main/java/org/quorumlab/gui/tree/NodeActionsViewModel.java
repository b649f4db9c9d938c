package org.quorumlab.gui.tree;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.NodeOperations;
import org.quorumlab.gui.service.Paths;
import org.quorumlab.gui.service.ZkSession;

/**
 * Create, delete (recursive), copy and move/rename. The tree picks the results up through its
 * watches; this ViewModel only reports outcomes in {@link #messageProperty()}.
 */
public final class NodeActionsViewModel {

    private final NodeOperations ops;
    private final TaskExecutor executor;
    private final StringProperty message = new SimpleStringProperty("");

    /** Actions on {@code session}. */
    public NodeActionsViewModel(ZkSession session, TaskExecutor executor) {
        this.ops = new NodeOperations(session::client);
        this.executor = executor;
    }

    public StringProperty messageProperty() { return message; }

    /** Creates {@code parent/name} of {@code mode} (ttl used only for TTL modes); reports the real path. */
    public void create(String parent, String name, String data, CreateMode mode, long ttlMs, Consumer<String> onCreated) {
        String path = Paths.child(parent, name);
        executor.run(() -> ops.create(path, data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8),
                ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, ttlMs), created -> {
                    message.set("created " + created);
                    onCreated.accept(created);
                }, e -> message.set("create " + path + " failed: " + e.getMessage()));
    }

    /** Counts the subtree so a delete confirmation can show it. */
    public void countSubtree(String path, Consumer<Integer> onCount) {
        executor.run(() -> ops.count(path), onCount, e -> message.set("cannot count " + path + ": " + e.getMessage()));
    }

    /** Deletes {@code path} and all descendants. */
    public void deleteRecursive(String path, Runnable onDone) {
        executor.run(() -> ops.deleteRecursive(path), n -> {
            message.set("deleted " + n + " node" + (n == 1 ? "" : "s") + " under " + path);
            onDone.run();
        }, e -> message.set("delete " + path + " failed: " + e.getMessage()));
    }

    /** Copies the subtree {@code from} to {@code to} (one multi). */
    public void copy(String from, String to) {
        executor.run(() -> ops.copy(from, to), n -> message.set("copied " + n + " nodes to " + to),
                e -> message.set("copy failed: " + e.getMessage()));
    }

    /** Moves/renames {@code from} to {@code to} (one multi: creates then deletes). */
    public void move(String from, String to, Consumer<String> onMoved) {
        executor.run(() -> ops.move(from, to), n -> {
            message.set("moved " + n + " nodes to " + to);
            onMoved.accept(to);
        }, e -> message.set("move failed: " + e.getMessage()));
    }
}
