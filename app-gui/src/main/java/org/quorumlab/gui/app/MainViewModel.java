package org.quorumlab.gui.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.connect.ConnectionStore;
import org.quorumlab.gui.lessons.LessonSettings;
import org.quorumlab.gui.lessons.RecipeDemoRunner;
import org.quorumlab.gui.lessons.RecipeRunner;
import org.quorumlab.gui.recipes.RecipeDemo;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.WatchEventBus;
import org.quorumlab.gui.service.ZkSession;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.admin.AdminCredentials;

/**
 * Main window state: the connection selector, connection state (banner), theme, presenter mode
 * (large fonts), status text and the {@link Workspace} of the current session.
 */
public final class MainViewModel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The themes' root font size in px; presenter mode multiplies it by {@link #PRESENTER_SCALE}. */
    public static final double BASE_FONT_PX = 12;
    public static final double PRESENTER_SCALE = 1.6;
    private final TaskExecutor executor;
    private final ConnectionStore store;
    private final StringProperty connectionText = new SimpleStringProperty("");
    private final ObservableList<ConnectionSpec> savedConnections = FXCollections.observableArrayList();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<ZkSession.State> state = new SimpleObjectProperty<>();
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerVisible = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Not connected");
    private final StringProperty bundledProgress = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final BooleanProperty presenterMode = new SimpleBooleanProperty();
    private final List<AutoCloseable> shutdownResources = new CopyOnWriteArrayList<>();
    private final LessonSettings lessonSettings;
    private final Map<String, RecipeDemo> recipeDemos = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom();
    private volatile ClusterLauncher launcher;
    private final ReadOnlyObjectWrapper<ClusterLauncher> liveCluster = new ReadOnlyObjectWrapper<>();

    /** Main ViewModel; saved connections load in the background; lessons use {@code ~/.quorumlab/lesson-cluster}. */
    public MainViewModel(TaskExecutor executor, ConnectionStore store) {
        this(executor, store, LessonSettings.forConsole(LessonSettings.defaultClusterDir()));
    }

    /** Main ViewModel whose Lessons tab runs its cluster with {@code lessonSettings}. */
    public MainViewModel(TaskExecutor executor, ConnectionStore store, LessonSettings lessonSettings) {
        this.executor = executor;
        this.store = store;
        this.lessonSettings = lessonSettings;
        executor.run(store::load, savedConnections::setAll, e -> status.set("saved connections unreadable: " + e.getMessage()));
    }

    public StringProperty connectionTextProperty() { return connectionText; }
    public ObservableList<ConnectionSpec> savedConnections() { return savedConnections; }
    public ObjectProperty<Workspace> workspaceProperty() { return workspace; }
    public ObjectProperty<ZkSession.State> stateProperty() { return state; }
    public StringProperty bannerProperty() { return banner; }
    public BooleanProperty bannerVisibleProperty() { return bannerVisible; }
    public StringProperty statusProperty() { return status; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public BooleanProperty connectingProperty() { return connecting; }
    public BooleanProperty presenterModeProperty() { return presenterMode; }
    public TaskExecutor executor() { return executor; }
    public ConnectionStore store() { return store; }
    public LessonSettings lessonSettings() { return lessonSettings; }

    /**
     * The recipe demo of the ensemble at {@code connectString}: one per connection, shared by the
     * Recipes tab and the lessons' {@code runRecipe}, so both show and drive the same clients.
     * Stopped when the console exits.
     */
    public synchronized RecipeDemo recipeDemo(String connectString) {
        String key = connectString.trim();
        RecipeDemo demo = recipeDemos.get(key);
        if (demo == null) {
            demo = new RecipeDemo(key, random.split());
            recipeDemos.put(key, demo);
            closeOnShutdown(demo);
        }
        return demo;
    }

    /** The lessons' {@code runRecipe} runners: each drives the shared {@link #recipeDemo} of its cluster. */
    public RecipeRunner.Factory recipeRunners() {
        return connectString -> new RecipeDemoRunner(recipeDemo(connectString));
    }

    /** How much larger presenter mode draws everything ({@link #PRESENTER_SCALE}, or 1). */
    public DoubleBinding fontScale() {
        return Bindings.when(presenterMode).then(PRESENTER_SCALE).otherwise(1.0);
    }

    /** The bundled cluster's launcher, or null when connected to an external ensemble. */
    public ClusterLauncher launcher() {
        return launcher;
    }

    /** Sets the bundled launcher (the Cluster tab then manages it). */
    public void launcher(ClusterLauncher l) {
        this.launcher = l;
    }

    /** Progress of {@link #startBundled}: what it is doing, then its outcome. */
    public StringProperty bundledProgressProperty() {
        return bundledProgress;
    }

    /**
     * Starts (or attaches to) the bundled cluster in {@code dir} in the background ({@link BundledCluster}), a new
     * one bound to {@code bind} (null: 127.0.0.1);
     * once a quorum answers, it becomes the managed cluster and the console connects to it as super.
     * Progress and a failure go to {@link #bundledProgressProperty()}.
     *
     * @return completes with the launcher after the connection was requested, or with the failure
     */
    public CompletableFuture<ClusterLauncher> startBundled(Path dir, String bind) {
        bundledProgress.set("Starting…");
        CompletableFuture<ClusterLauncher> started = new CompletableFuture<>();
        executor.run(() -> BundledCluster.start(dir, bind, m -> executor.onUi(() -> bundledProgress.set(m))), l -> {
            useCluster(l, "bundled cluster");
            started.complete(l);
        }, e -> {
            bundledProgress.set("Could not start the bundled cluster: " + e.getMessage());
            started.completeExceptionally(e);
        });
        return started;
    }

    /**
     * The managed cluster the console has switched to with {@link #useCluster}, or null (nothing
     * yet, disconnected, or connected to another ensemble). Set on the UI thread the moment the
     * console switches, before its client session is open: the live teaching views watch the
     * cluster through its admin API, which does not wait for a session (and a paused cluster cannot
     * open one), so they follow this property rather than {@link #workspaceProperty()}.
     */
    public ReadOnlyObjectProperty<ClusterLauncher> liveClusterProperty() {
        return liveCluster.getReadOnlyProperty();
    }

    /** Admin endpoints of the bundled members, or none for an external ensemble. */
    public Supplier<List<String>> adminEndpoints() {
        return () -> endpointsOf(launcher);
    }

    /** Admin endpoints ({@code 127.0.0.1:port}) of {@code l}'s members, re-read on every call. */
    public static Supplier<List<String>> adminEndpoints(ClusterLauncher l) {
        return () -> endpointsOf(l);
    }

    private static List<String> endpointsOf(ClusterLauncher l) {
        if (l == null) {
            return List.of();
        }
        return l.members().stream().map(l::adminEndpoint).flatMap(Optional::stream).toList();
    }

    /** The token of the bundled (or lesson) cluster's admin API, from its directory's {@code admin.token}. */
    public AdminCredentials adminCredentials() {
        return () -> Optional.ofNullable(launcher).map(ClusterLauncher::adminToken);
    }

    /** Toggles presenter mode: every font of the console {@link #PRESENTER_SCALE} times larger. */
    public void togglePresenterMode() {
        presenterMode.set(!presenterMode.get());
    }

    /** Root font size for the current mode, in px. */
    public double fontSizePx() {
        return presenterMode.get() ? BASE_FONT_PX * PRESENTER_SCALE : BASE_FONT_PX;
    }

    /**
     * Makes {@code l} (the bundled cluster, or a cluster a lesson just started) the managed cluster:
     * it becomes the {@link #liveClusterProperty() live cluster} at once, then a session to it opens
     * in the background. A previous cluster keeps running (its data is untouched) until the console
     * exits. UI thread.
     */
    public void useCluster(ClusterLauncher l, String name) {
        this.launcher = l;
        liveCluster.set(l);
        open(new ConnectionSpec(name, l.connectString(), "", "super:" + l.superPassword(),
                ConnectionSpec.DEFAULT_TIMEOUT_MS));
    }

    /** Registers something to close when the console exits (see {@link #shutdown()}). */
    public void closeOnShutdown(AutoCloseable resource) {
        shutdownResources.add(resource);
    }

    /** Closes the registered resources, newest first; failures are ignored (the console is exiting). */
    public void shutdown() {
        List<AutoCloseable> all = new ArrayList<>(shutdownResources);
        shutdownResources.clear();
        Collections.reverse(all);
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                status.set("closing " + r + " failed: " + e.getMessage());
            }
        }
    }

    /** Toggles light/dark. */
    public void toggleTheme() {
        theme.set(theme.get().toggle());
    }

    /** Connects to the text in the selector (a saved name or {@code host:port,...[/chroot]}). */
    public void connectToText() {
        String text = connectionText.get() == null ? "" : connectionText.get().trim();
        if (text.isEmpty()) {
            status.set("enter a connection string such as 127.0.0.1:2181");
            return;
        }
        ConnectionSpec spec = savedConnections.stream().filter(s -> s.label().equals(text)).findFirst()
                .orElseGet(() -> ConnectionSpec.parse(text));
        connect(spec);
    }

    /**
     * Opens a session in the background, replacing the current one. A spec naming a cluster
     * directory first attaches to that launcher cluster, which the console then manages (its admin
     * endpoints and the token in its {@code admin.token}).
     * Another ensemble than the live
     * cluster's leaves the live cluster (see {@link #useCluster} to switch to a managed one).
     */
    public void connect(ConnectionSpec spec) {
        open(spec);
        // after the old session's views are gone, so the live views are rebuilt once, not twice
        ClusterLauncher live = liveCluster.get();
        if (live != null && !live.connectString().equals(spec.connectString())) {
            liveCluster.set(null);
        }
    }

    private void open(ConnectionSpec spec) {
        Workspace old = workspace.get();
        workspace.set(null);
        connecting.set(true);
        status.set("Connecting to " + spec.clientConnectString() + "…");
        connectionText.set(spec.label());
        executor.run(() -> {
            if (old != null) {
                old.close();
            }
            if (!spec.clusterDir().isEmpty()) {
                launcher = ClusterLauncher.attach(Path.of(spec.clusterDir()));
            }
            ZkSession s = ZkSession.connect(spec, new WatchEventBus(), CONNECT_TIMEOUT);
            s.addStateListener(st -> executor.onUi(() -> onState(st)));
            return s;
        }, s -> {
            connecting.set(false);
            if (!spec.clusterDir().isEmpty()) {
                liveCluster.set(launcher);
            }
            onState(s.state());
            workspace.set(Workspace.open(s, executor));
            status.set("Connected to " + spec.clientConnectString() + " (session " + Long.toHexString(s.sessionId()) + ")");
        }, e -> {
            connecting.set(false);
            status.set("Connection failed: " + e.getMessage());
        });
    }

    private void onState(ZkSession.State s) {
        state.set(s);
        switch (s) {
            case CONNECTED -> bannerVisible.set(false);
            case RECONNECTING -> show("Connection lost — reconnecting…");
            case EXPIRED -> show("Session expired — opening a new session…");
            case AUTH_FAILED -> show("Authentication failed — check the digest user:password");
            case CLOSED, CONNECTING -> bannerVisible.set(false);
            default -> { }
        }
    }

    private void show(String text) {
        banner.set(text);
        bannerVisible.set(true);
    }

    /** Closes the session (background) and leaves the live cluster. */
    public void disconnect() {
        Workspace old = workspace.get();
        workspace.set(null);
        liveCluster.set(null);
        status.set("Not connected");
        if (old != null) {
            executor.run(() -> {
                old.close();
                return null;
            }, v -> { }, e -> { });
        }
    }
}
