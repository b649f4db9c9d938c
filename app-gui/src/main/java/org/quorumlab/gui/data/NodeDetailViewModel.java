package org.quorumlab.gui.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.NodeOperations;
import org.quorumlab.gui.service.Paths;
import org.quorumlab.gui.service.ZkSession;

/**
 * The selected node: data in several viewers, editing with a version check, Stat, ACL, quota.
 * A save carries the version that was loaded; BADVERSION sets {@link #conflictProperty()} and
 * the user chooses {@link #reload()} or {@link #overwrite()}.
 */
public final class NodeDetailViewModel {

    /** One row of the Stat table. */
    public record StatRow(String name, String value) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final ZkSession session;
    private final TaskExecutor executor;
    private final NodeOperations ops;
    private final AclEditorViewModel acl;
    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<byte[]> data = new SimpleObjectProperty<>(new byte[0]);
    private final ObjectProperty<Stat> stat = new SimpleObjectProperty<>();
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(StandardCharsets.UTF_8);
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(ViewMode.TEXT);
    private final StringProperty rendered = new SimpleStringProperty("");
    private final ObservableList<SyntaxHighlighter.Token> tokens = FXCollections.observableArrayList();
    private final StringProperty editText = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final StringProperty conflict = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty quota = new SimpleStringProperty("");
    private final ObservableList<StatRow> statRows = FXCollections.observableArrayList();
    private int loadedVersion = -1;
    private boolean settingText;
    /** The node last asked for; {@link #path} only changes once its data has arrived. */
    private String selectedPath = "";
    /** Numbers reads in the order they were started; only the newest one may update the view. */
    private long lastRead;

    /** Detail over {@code session}. */
    public NodeDetailViewModel(ZkSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        this.ops = new NodeOperations(session::client);
        this.acl = new AclEditorViewModel(session, executor);
        viewMode.addListener((o, a, b) -> render());
        charset.addListener((o, a, b) -> {
            render();
            setEditText(new String(data.get(), charset.get()));
        });
        editText.addListener((o, a, b) -> {
            if (!settingText) {
                dirty.set(true);
            }
        });
    }

    public StringProperty pathProperty() { return path; }
    public ObjectProperty<byte[]> dataProperty() { return data; }
    public ObjectProperty<Stat> statProperty() { return stat; }
    public ObjectProperty<Charset> charsetProperty() { return charset; }
    public ObjectProperty<ViewMode> viewModeProperty() { return viewMode; }
    public StringProperty renderedProperty() { return rendered; }
    public ObservableList<SyntaxHighlighter.Token> tokens() { return tokens; }
    public StringProperty editTextProperty() { return editText; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public StringProperty conflictProperty() { return conflict; }
    public StringProperty messageProperty() { return message; }
    public StringProperty quotaProperty() { return quota; }
    public ObservableList<StatRow> statRows() { return statRows; }
    public AclEditorViewModel acl() { return acl; }
    public int loadedVersion() { return loadedVersion; }

    private record Loaded(byte[] data, Stat stat, List<ACL> acl, Optional<String> quota) {
    }

    /**
     * Loads {@code nodePath} (with a data watch so remote changes show up). Call on the UI thread.
     * Reads may finish out of order (a slow reload, a quick reselect): only the newest one is shown.
     */
    public void load(String nodePath) {
        selectedPath = nodePath;
        long ticket = ++lastRead;
        executor.run(() -> read(nodePath), l -> {
            if (ticket == lastRead) {
                path.set(nodePath);
                apply(l, true);
            }
        }, e -> {
            if (ticket == lastRead) {
                message.set(e instanceof KeeperException.NoNodeException ? nodePath + " no longer exists"
                        : "cannot read " + nodePath + ": " + e.getMessage());
            }
        });
    }

    private Loaded read(String nodePath) throws KeeperException, InterruptedException {
        Stat s = new Stat();
        Watcher w = session.oneShot(nodePath, "data", "detail", event -> {
            if (event.getType() == Watcher.Event.EventType.NodeDataChanged) {
                executor.onUi(() -> remoteChange(nodePath));
            }
        });
        byte[] d = session.client().getData(nodePath, w, s);
        List<ACL> a = session.client().getACL(nodePath, new Stat());
        return new Loaded(d == null ? new byte[0] : d, s, a, ops.quota(nodePath));
    }

    private void remoteChange(String nodePath) {
        if (!nodePath.equals(selectedPath)) {
            return;
        }
        if (dirty.get()) {
            message.set(nodePath + " was changed on the server while you were editing");
        } else {
            load(nodePath);
        }
    }

    private void apply(Loaded l, boolean guessMode) {
        data.set(l.data());
        stat.set(l.stat());
        loadedVersion = l.stat().getVersion();
        if (guessMode) {
            viewMode.set(DataFormats.guess(l.data(), charset.get()));
        }
        render();
        setEditText(new String(l.data(), charset.get()));
        conflict.set(null);
        statRows.setAll(rows(path.get(), l.stat()));
        acl.show(path.get(), l.acl());
        quota.set(l.quota().orElse("no quota"));
        message.set("");
    }

    private void setEditText(String text) {
        settingText = true;
        editText.set(text);
        settingText = false;
        dirty.set(false);
    }

    private void render() {
        String text = DataFormats.render(data.get(), viewMode.get(), charset.get());
        rendered.set(text);
        tokens.setAll(SyntaxHighlighter.highlight(text, viewMode.get()));
    }

    /** Saves the edited text with the loaded version; a conflict sets {@link #conflictProperty()}. */
    public void save() {
        write(loadedVersion);
    }

    /** After a conflict: writes the edited text regardless of the server's version. */
    public void overwrite() {
        write(-1);
    }

    /** Discards the edit and reloads from the server. */
    public void reload() {
        dirty.set(false);
        load(selectedPath);
    }

    private void write(int version) {
        String p = path.get();
        byte[] bytes = editText.get().getBytes(charset.get());
        executor.run(() -> session.client().setData(p, bytes, version), s -> {
            if (!p.equals(selectedPath)) {
                return;
            }
            data.set(bytes);
            stat.set(s);
            loadedVersion = s.getVersion();
            statRows.setAll(rows(p, s));
            render();
            dirty.set(false);
            conflict.set(null);
            String saved = "saved " + p + " (version " + s.getVersion() + ")";
            message.set(saved);
            rearm(p, saved);
        }, e -> {
            if (e instanceof KeeperException.BadVersionException) {
                conflict.set("Conflict: " + p + " was changed by someone else since you loaded version "
                        + version + ". Reload to see their change, or Overwrite to replace it.");
            } else {
                message.set("save failed: " + e.getMessage());
            }
        });
    }

    /** Re-reads after our own write so the data watch is set again and the view shows the server's state. */
    private void rearm(String nodePath, String note) {
        long ticket = ++lastRead;
        executor.run(() -> read(nodePath), l -> {
            if (ticket == lastRead && !dirty.get()) {
                apply(l, false);
                message.set(note);
            }
        }, e -> { });
    }

    /** Stat as human-readable rows (times local, zxids hex, ephemeral owner decoded). */
    public static List<StatRow> rows(String nodePath, Stat s) {
        return List.of(
                new StatRow("type", NodeKind.describe(s.getEphemeralOwner(), Paths.name(nodePath))),
                new StatRow("czxid", Paths.hex(s.getCzxid())),
                new StatRow("mzxid", Paths.hex(s.getMzxid())),
                new StatRow("pzxid", Paths.hex(s.getPzxid())),
                new StatRow("ctime", TIME.format(Instant.ofEpochMilli(s.getCtime())) + " (" + s.getCtime() + ")"),
                new StatRow("mtime", TIME.format(Instant.ofEpochMilli(s.getMtime())) + " (" + s.getMtime() + ")"),
                new StatRow("version", String.valueOf(s.getVersion())),
                new StatRow("cversion", String.valueOf(s.getCversion())),
                new StatRow("aversion", String.valueOf(s.getAversion())),
                new StatRow("ephemeralOwner", Paths.hex(s.getEphemeralOwner())),
                new StatRow("dataLength", String.valueOf(s.getDataLength())),
                new StatRow("numChildren", String.valueOf(s.getNumChildren())));
    }
}
