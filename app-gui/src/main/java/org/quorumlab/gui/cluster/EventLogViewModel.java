package org.quorumlab.gui.cluster;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * Every streamed event (bounded to {@link #CAPACITY}, oldest dropped), filtered by type, server
 * and free text, exportable as JSON lines.
 */
public final class EventLogViewModel {

    /** Maximum events kept. */
    public static final int CAPACITY = 20_000;
    /** Filter value that matches everything. */
    public static final String ALL = "All";

    private final TaskExecutor executor;
    private final ObservableList<ClusterEvent> events = FXCollections.observableArrayList();
    private final FilteredList<ClusterEvent> filtered = new FilteredList<>(events, e -> true);
    private final ObservableList<String> types = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> servers = FXCollections.observableArrayList(ALL);
    private final StringProperty typeFilter = new SimpleStringProperty(ALL);
    private final StringProperty serverFilter = new SimpleStringProperty(ALL);
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final TreeSet<String> knownTypes = new TreeSet<>();
    private final TreeSet<Long> knownServers = new TreeSet<>();

    public EventLogViewModel(TaskExecutor executor) {
        this.executor = executor;
        typeFilter.addListener((o, a, b) -> refilter());
        serverFilter.addListener((o, a, b) -> refilter());
        textFilter.addListener((o, a, b) -> refilter());
    }

    /** Events passing the filters. */
    public ObservableList<ClusterEvent> filtered() {
        return filtered;
    }

    public ObservableList<ClusterEvent> all() {
        return events;
    }

    public ObservableList<String> types() {
        return types;
    }

    public ObservableList<String> servers() {
        return servers;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public StringProperty serverFilterProperty() {
        return serverFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** Outcome of the last export. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Appends a batch of events. */
    public void addAll(List<ClusterEvent> batch) {
        for (ClusterEvent e : batch) {
            if (knownTypes.add(e.type())) {
                types.setAll(ALL);
                types.addAll(knownTypes);
            }
            if (e.server() >= 0 && knownServers.add(e.server())) {
                servers.setAll(ALL);
                knownServers.forEach(s -> servers.add(Long.toString(s)));
            }
        }
        events.addAll(batch);
        int excess = events.size() - CAPACITY;
        if (excess > 0) {
            events.remove(0, excess);
        }
    }

    /** Writes the filtered events as JSON lines to {@code file} in the background. */
    public void export(Path file) {
        List<ClusterEvent> snapshot = List.copyOf(filtered);
        message.set("exporting " + snapshot.size() + " events...");
        executor.run(() -> {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ClusterEvent e : snapshot) {
                    w.write(e.json());
                    w.newLine();
                }
            }
            return snapshot.size();
        }, n -> message.set("exported " + n + " events to " + file), err -> message.set("export failed: "
                + err.getMessage()));
    }

    private void refilter() {
        String type = typeFilter.get();
        String server = serverFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().toLowerCase(Locale.ROOT).trim();
        filtered.setPredicate(e -> (type == null || type.equals(ALL) || e.type().equals(type))
                && (server == null || server.equals(ALL) || Long.toString(e.server()).equals(server))
                && (text.isEmpty() || e.json().toLowerCase(Locale.ROOT).contains(text)));
    }
}
