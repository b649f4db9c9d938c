package org.quorumlab.gui.watches;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.FourLetterWords;
import org.quorumlab.gui.service.WatchEventRecord;
import org.quorumlab.gui.service.WatchRegistry;
import org.quorumlab.gui.service.ZkSession;

/**
 * Watches tab: the console's own watches, a live (bounded) log of fired events with a text
 * filter, and the server-side watches reported by {@code wchc}/{@code wchp}.
 */
public final class WatchesViewModel {

    static final int MAX_EVENTS = 5_000;
    private final ZkSession session;
    private final TaskExecutor executor;
    private final ObservableList<WatchRegistry.OwnWatch> ownWatches = FXCollections.observableArrayList();
    private final ObservableList<WatchEventRecord> events = FXCollections.observableArrayList();
    private final FilteredList<WatchEventRecord> filteredEvents = new FilteredList<>(events);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<FourLetterWords.ServerWatch> bySession = FXCollections.observableArrayList();
    private final ObservableList<FourLetterWords.ServerWatch> byPath = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final Consumer<WatchEventRecord> listener;

    /** Subscribes to {@code session}'s watch events. */
    public WatchesViewModel(ZkSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        this.listener = r -> executor.onUi(() -> add(r));
        session.bus().subscribe(listener);
        session.watches().addListener(() -> executor.onUi(() -> ownWatches.setAll(session.watches().all())));
        ownWatches.setAll(session.watches().all());
        filter.addListener((o, a, b) -> {
            String f = b.trim().toLowerCase(Locale.ROOT);
            filteredEvents.setPredicate(f.isEmpty() ? null : r -> (r.type() + " " + r.path() + " " + r.sessionHex()
                    + " " + r.origin()).toLowerCase(Locale.ROOT).contains(f));
        });
    }

    private void add(WatchEventRecord r) {
        events.add(0, r);
        if (events.size() > MAX_EVENTS) {
            events.remove(MAX_EVENTS, events.size());
        }
    }

    public ObservableList<WatchRegistry.OwnWatch> ownWatches() { return ownWatches; }
    public ObservableList<WatchEventRecord> events() { return events; }
    public FilteredList<WatchEventRecord> filteredEvents() { return filteredEvents; }
    public StringProperty filterProperty() { return filter; }
    public ObservableList<FourLetterWords.ServerWatch> bySession() { return bySession; }
    public ObservableList<FourLetterWords.ServerWatch> byPath() { return byPath; }
    public StringProperty messageProperty() { return message; }

    /** Clears the event log. */
    public void clearLog() {
        events.clear();
    }

    /** Asks the first server of the connect string for {@code wchc} and {@code wchp}. */
    public void refreshServerWatches() {
        String cs = session.spec().connectString();
        executor.run(() -> {
            List<List<FourLetterWords.ServerWatch>> r = new ArrayList<>();
            r.add(FourLetterWords.parseWchc(FourLetterWords.sendToFirst(cs, "wchc")));
            r.add(FourLetterWords.parseWchp(FourLetterWords.sendToFirst(cs, "wchp")));
            return r;
        }, r -> {
            bySession.setAll(r.get(0));
            byPath.setAll(r.get(1));
            message.set(r.get(0).size() + " server-side watches");
        }, e -> message.set("wchc/wchp failed (is the 4lw whitelisted?): " + e.getMessage()));
    }

    /** Stops listening (session closed). */
    public void dispose() {
        session.bus().unsubscribe(listener);
    }
}
