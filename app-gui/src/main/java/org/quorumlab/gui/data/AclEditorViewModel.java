package org.quorumlab.gui.data;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.NodeOperations;
import org.quorumlab.gui.service.ZkSession;

/** Edits the ACL of one node: add/remove entries, apply (optionally to the whole subtree). */
public final class AclEditorViewModel {

    private final NodeOperations ops;
    private final TaskExecutor executor;
    private final ObservableList<AclEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty recursive = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private String path;

    /** ACL editor over {@code session}. */
    public AclEditorViewModel(ZkSession session, TaskExecutor executor) {
        this.ops = new NodeOperations(session::client);
        this.executor = executor;
    }

    public ObservableList<AclEntry> entries() { return entries; }
    public BooleanProperty recursiveProperty() { return recursive; }
    public StringProperty messageProperty() { return message; }

    /** Shows the ACL of {@code nodePath}. */
    public void show(String nodePath, List<ACL> acl) {
        this.path = nodePath;
        entries.setAll(acl.stream().map(AclEntry::of).toList());
        message.set("");
    }

    /**
     * Adds an entry. For the digest scheme a {@code user:password} id is hashed into
     * {@code user:base64(sha1)}; ids that already look hashed are kept.
     */
    public void add(String scheme, String id, String perms) {
        try {
            AclEntry.bits(perms);
            String s = scheme.trim();
            String i = id == null ? "" : id.trim();
            if (s.equals("world") && i.isEmpty()) {
                i = "anyone";
            }
            if (s.equals("digest") && i.contains(":") && !looksHashed(i)) {
                i = DigestAuthenticationProvider.generateDigest(i);
            }
            AclEntry e = new AclEntry(s, i, perms.trim());
            entries.removeIf(x -> x.scheme().equals(e.scheme()) && x.id().equals(e.id()));
            entries.add(e);
            message.set("");
        } catch (Exception e) {
            message.set(e.getMessage());
        }
    }

    private static boolean looksHashed(String id) {
        String hash = id.substring(id.indexOf(':') + 1);
        return hash.length() == 28 && hash.endsWith("=");
    }

    /** Removes an entry. */
    public void remove(AclEntry e) {
        entries.remove(e);
    }

    /** Writes the edited ACL to the node (and its subtree when recursive). */
    public void apply(Runnable onDone) {
        if (entries.isEmpty()) {
            message.set("an ACL needs at least one entry");
            return;
        }
        List<ACL> acl = entries.stream().map(AclEntry::toAcl).toList();
        String p = path;
        boolean rec = recursive.get();
        executor.run(() -> ops.setAcl(p, acl, rec), n -> {
            message.set("ACL set on " + n + " node" + (n == 1 ? "" : "s"));
            onDone.run();
        }, e -> message.set("setAcl failed: " + e.getMessage()));
    }
}
