package org.quorumlab.gui.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ClientTls;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.launcher.state.ClusterLayout;

/** Fields of the connection dialog plus the saved-connections list. */
public final class ConnectionDialogViewModel {

    /** User-visible text of the dialog's newer fields (English and Chinese). */
    public static final String BUNDLE = "org.quorumlab.gui.connect.ConnectionDialog";
    private static final ResourceBundle TEXT = ResourceBundle.getBundle(BUNDLE);

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty connectString = new SimpleStringProperty("127.0.0.1:2181");
    private final StringProperty chroot = new SimpleStringProperty("");
    private final StringProperty digestAuth = new SimpleStringProperty("");
    private final IntegerProperty sessionTimeoutMs = new SimpleIntegerProperty(ConnectionSpec.DEFAULT_TIMEOUT_MS);
    private final BooleanProperty tlsEnabled = new SimpleBooleanProperty(false);
    private final StringProperty trustStore = new SimpleStringProperty("");
    private final StringProperty trustStorePassword = new SimpleStringProperty("");
    private final StringProperty keyStore = new SimpleStringProperty("");
    private final StringProperty keyStorePassword = new SimpleStringProperty("");
    private final StringProperty clusterDir = new SimpleStringProperty("");
    private final ObservableList<ConnectionSpec> saved = FXCollections.observableArrayList();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final ConnectionStore store;
    private final TaskExecutor executor;

    /** Creates the ViewModel and loads saved connections in the background. */
    public ConnectionDialogViewModel(ConnectionStore store, TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        executor.run(store::load, saved::setAll, e -> error.set("could not read saved connections: " + e.getMessage()));
    }

    /** True while the form cannot produce a valid connection. */
    public BooleanBinding invalidProperty() {
        return Bindings.createBooleanBinding(() -> validate() != null, connectString, chroot, digestAuth, clusterDir,
                tlsEnabled, trustStore, keyStore);
    }

    /** Null when valid, else the reason. */
    public String validate() {
        String cs = connectString.get().trim();
        if (cs.isEmpty()) {
            return "connection string is empty";
        }
        for (String host : cs.split("/", 2)[0].split(",")) {
            if (!host.trim().matches("[^:\\s]+(:\\d{1,5})?")) {
                return "bad host '" + host.trim() + "' (expected host:port)";
            }
        }
        if (!chroot.get().isBlank() && !chroot.get().trim().startsWith("/")) {
            return "chroot must start with /";
        }
        if (!digestAuth.get().isBlank() && !digestAuth.get().contains(":")) {
            return "digest auth must be user:password";
        }
        String dir = clusterDir.get().trim();
        if (!dir.isEmpty() && !Files.isRegularFile(new ClusterLayout(Path.of(dir)).adminTokenFile())) {
            return MessageFormat.format(TEXT.getString("clusterDir.invalid"), dir);
        }
        if (tlsEnabled.get()) {
            if (trustStore.get().isBlank()) {
                return "TLS needs a trust store (the servers' certificates or their CA)";
            }
            if (!Files.isReadable(Path.of(trustStore.get().trim()))) {
                return "cannot read the trust store " + trustStore.get().trim();
            }
            if (!keyStore.get().isBlank() && !Files.isReadable(Path.of(keyStore.get().trim()))) {
                return "cannot read the key store " + keyStore.get().trim();
            }
        }
        return null;
    }

    /** The spec described by the form. */
    public ConnectionSpec toSpec() {
        ClientTls tls = tlsEnabled.get() ? new ClientTls(true, trustStore.get(), trustStorePassword.get(), keyStore.get(),
                keyStorePassword.get()) : ClientTls.OFF;
        return new ConnectionSpec(name.get(), connectString.get(), chroot.get(), digestAuth.get(), sessionTimeoutMs.get(),
                clusterDir.get(), tls);
    }

    /** Fills the form from a saved connection. */
    public void load(ConnectionSpec spec) {
        name.set(spec.name());
        connectString.set(spec.connectString());
        chroot.set(spec.chroot());
        digestAuth.set(spec.digestAuth());
        sessionTimeoutMs.set(spec.sessionTimeoutMs());
        clusterDir.set(spec.clusterDir());
        tlsEnabled.set(spec.tls().enabled());
        trustStore.set(spec.tls().trustStore());
        trustStorePassword.set(spec.tls().trustStorePassword());
        keyStore.set(spec.tls().keyStore());
        keyStorePassword.set(spec.tls().keyStorePassword());
    }

    /** Adds or replaces (by name/label) the current form in the saved list and persists it. */
    public void saveCurrent() {
        ConnectionSpec spec = toSpec();
        saved.removeIf(s -> s.label().equals(spec.label()));
        saved.add(spec);
        persist();
    }

    /** Removes a saved connection and persists. */
    public void remove(ConnectionSpec spec) {
        saved.remove(spec);
        persist();
    }

    private void persist() {
        List<ConnectionSpec> copy = List.copyOf(saved);
        executor.run(() -> {
            store.save(copy);
            return null;
        }, v -> { }, e -> error.set("could not save connections: " + e.getMessage()));
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty connectStringProperty() { return connectString; }
    public StringProperty chrootProperty() { return chroot; }
    public StringProperty digestAuthProperty() { return digestAuth; }
    public IntegerProperty sessionTimeoutMsProperty() { return sessionTimeoutMs; }
    public StringProperty clusterDirProperty() { return clusterDir; }
    public BooleanProperty tlsEnabledProperty() { return tlsEnabled; }
    public StringProperty trustStoreProperty() { return trustStore; }
    public StringProperty trustStorePasswordProperty() { return trustStorePassword; }
    public StringProperty keyStoreProperty() { return keyStore; }
    public StringProperty keyStorePasswordProperty() { return keyStorePassword; }
    public ObservableList<ConnectionSpec> saved() { return saved; }
    public ObjectProperty<String> errorProperty() { return error; }
}
