package org.quorumlab.gui.recipes;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * Recipes tab: choose a recipe and N, start/stop the simulated clients, and a live table, headline
 * and safety check refreshed by {@link #refresh()} (the view calls it a few times per second).
 * Starting and stopping sessions runs on the injected {@link TaskExecutor}, never the UI thread.
 */
public final class RecipesViewModel implements AutoCloseable {

    /** Default number of simulated clients. */
    public static final int DEFAULT_CLIENTS = 5;
    private final RecipeDemo demo;
    private final TaskExecutor executor;
    private final ObservableList<Recipe> recipes = FXCollections.observableArrayList(Recipe.values());
    private final ObjectProperty<Recipe> recipe = new SimpleObjectProperty<>(Recipe.LOCK);
    private final StringProperty clientCount = new SimpleStringProperty(String.valueOf(DEFAULT_CLIENTS));
    private final StringProperty description = new SimpleStringProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty(DemoSummary.IDLE.headline());
    private final StringProperty safety = new SimpleStringProperty("");
    private final BooleanProperty safe = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    /** The demo's recipe and size as last shown, to notice a run someone else (a lesson) started. */
    private Recipe shownRecipe;
    private int shownSize;

    public RecipesViewModel(RecipeDemo demo, TaskExecutor executor) {
        this.demo = demo;
        this.executor = executor;
        description.set(describe(recipe.get()));
        recipe.addListener((o, a, b) -> description.set(describe(b)));
    }

    public ObservableList<Recipe> recipes() { return recipes; }
    public ObjectProperty<Recipe> recipeProperty() { return recipe; }
    public StringProperty clientCountProperty() { return clientCount; }
    public StringProperty descriptionProperty() { return description; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<ClientRow> clients() { return clients; }
    public StringProperty headlineProperty() { return headline; }
    public StringProperty safetyProperty() { return safety; }
    public BooleanProperty safeProperty() { return safe; }
    public StringProperty errorProperty() { return error; }

    /** The demo behind the tab (lessons drive it directly). */
    public RecipeDemo demo() {
        return demo;
    }

    /** Selects {@code r} and {@code n} clients, then {@link #start()}s, as a lesson step would. */
    public void start(Recipe r, int n) {
        recipe.set(r);
        clientCount.set(String.valueOf(n));
        start();
    }

    /** Validates the inputs, then starts the clients in the background (replacing a running demo). */
    public void start() {
        Recipe r = recipe.get();
        if (r == null) {
            error.set("choose a recipe");
            return;
        }
        Integer n = parseClients(clientCount.get());
        if (n == null) {
            return;
        }
        error.set("");
        busy.set(true);
        executor.run(() -> {
            demo.start(r, n);
            return null;
        }, v -> {
            busy.set(false);
            refresh();
        }, e -> {
            busy.set(false);
            error.set("Could not start: " + e.getMessage());
            refresh();
        });
    }

    private Integer parseClients(String text) {
        String t = text == null ? "" : text.trim();
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            error.set("clients must be a whole number between 1 and " + RecipeDemo.MAX_CLIENTS + ", not '" + t + "'");
            return null;
        }
        if (n < 1 || n > RecipeDemo.MAX_CLIENTS) {
            error.set("clients must be between 1 and " + RecipeDemo.MAX_CLIENTS + ", not " + n);
            return null;
        }
        return n;
    }

    /** Stops every client and closes its session in the background. */
    public void stop() {
        busy.set(true);
        executor.run(() -> {
            demo.stop();
            return null;
        }, v -> {
            busy.set(false);
            refresh();
        }, e -> {
            busy.set(false);
            error.set("Could not stop: " + e.getMessage());
        });
    }

    /** Stops one client (e.g. the lock holder or the leader) so the audience sees another take over. */
    public void stopClient(int index) {
        executor.run(() -> {
            demo.stopClient(index);
            return null;
        }, v -> refresh(), e -> error.set("Could not stop client " + index + ": " + e.getMessage()));
    }

    /**
     * Copies the demo's current snapshot into the table, headline and safety check (cheap, in memory).
     * When the demo runs another recipe or size than last shown (a lesson's {@code runRecipe} drives
     * the same demo), the recipe choice and client count follow it.
     */
    public void refresh() {
        List<SimulatedClient> snapshot = demo.clients();
        Recipe current = demo.recipe();
        if (current != null && (current != shownRecipe || snapshot.size() != shownSize)) {
            shownRecipe = current;
            shownSize = snapshot.size();
            recipe.set(current);
            clientCount.set(String.valueOf(snapshot.size()));
        }
        if (clients.size() != snapshot.size() || (!snapshot.isEmpty() && clients.get(0).index() != snapshot.get(0).index())) {
            clients.setAll(snapshot.stream().map(c -> new ClientRow(c.index())).toList());
        }
        for (int i = 0; i < snapshot.size(); i++) {
            SimulatedClient c = snapshot.get(i);
            clients.get(i).update(c, demo.connectedServer(c.index()));
        }
        DemoSummary s = demo.summary();
        headline.set(s.headline());
        safety.set(s.safety());
        safe.set(s.safe());
        running.set(demo.isRunning());
    }

    /** Stops the demo in the background; its sessions close. */
    @Override
    public void close() {
        executor.run(() -> {
            demo.close();
            return null;
        }, v -> running.set(false), e -> { });
    }

    static String describe(Recipe r) {
        if (r == null) {
            return "";
        }
        switch (r) {
            case LOCK:
                return "Every client acquires " + r.path() + " (InterProcessMutex), holds it 0.5–2 s, releases it and "
                        + "queues again. At most one client may ever hold it.";
            case LEADER_LATCH:
                return "Every client joins the LeaderLatch on " + r.path() + "; exactly one is leader. Stop the leader's "
                        + "client and watch another take over.";
            case QUEUE:
                return "Odd clients produce items (producer + sequence) into " + r.path() + ", even clients consume "
                        + "them. Each item must be consumed exactly once.";
            default:
                return "Client 1 writes " + r.path() + " every 0.5–1.5 s; the others watch it (CuratorCache), re-read "
                        + "it and show the version they see and their lag.";
        }
    }
}
