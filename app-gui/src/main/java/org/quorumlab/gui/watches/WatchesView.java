package org.quorumlab.gui.watches;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.quorumlab.gui.common.Fxml;
import org.quorumlab.gui.service.FourLetterWords;
import org.quorumlab.gui.service.WatchEventRecord;
import org.quorumlab.gui.service.WatchRegistry;

/** Thin controller of WatchesView.fxml. */
public final class WatchesView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final WatchesViewModel vm;
    @FXML private TableView<WatchRegistry.OwnWatch> ownTable;
    @FXML private TableColumn<WatchRegistry.OwnWatch, String> ownPath;
    @FXML private TableColumn<WatchRegistry.OwnWatch, String> ownKind;
    @FXML private TableColumn<WatchRegistry.OwnWatch, String> ownOrigin;
    @FXML private TableView<FourLetterWords.ServerWatch> serverTable;
    @FXML private TableColumn<FourLetterWords.ServerWatch, String> serverSession;
    @FXML private TableColumn<FourLetterWords.ServerWatch, String> serverPath;
    @FXML private Label serverMessage;
    @FXML private TextField filter;
    @FXML private TableView<WatchEventRecord> eventTable;
    @FXML private TableColumn<WatchEventRecord, String> evTime;
    @FXML private TableColumn<WatchEventRecord, String> evType;
    @FXML private TableColumn<WatchEventRecord, String> evPath;
    @FXML private TableColumn<WatchEventRecord, String> evSession;
    @FXML private TableColumn<WatchEventRecord, String> evOrigin;

    private WatchesView(WatchesViewModel vm) {
        this.vm = vm;
    }

    /** Builds the watches view for {@code vm}. */
    public static Parent create(WatchesViewModel vm) {
        return Fxml.load(new WatchesView(vm));
    }

    private static <S> void column(TableColumn<S, String> c, Function<S, String> f) {
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
    }

    @FXML
    private void initialize() {
        eventTable.setId("watchEventTable");
        ownTable.setItems(vm.ownWatches());
        column(ownPath, WatchRegistry.OwnWatch::path);
        column(ownKind, WatchRegistry.OwnWatch::kind);
        column(ownOrigin, WatchRegistry.OwnWatch::origin);
        serverTable.setItems(vm.bySession());
        column(serverSession, FourLetterWords.ServerWatch::session);
        column(serverPath, FourLetterWords.ServerWatch::path);
        serverMessage.textProperty().bind(vm.messageProperty());
        filter.textProperty().bindBidirectional(vm.filterProperty());
        eventTable.setItems(vm.filteredEvents());
        column(evTime, r -> TIME.format(r.time()));
        column(evType, WatchEventRecord::type);
        column(evPath, WatchEventRecord::path);
        column(evSession, WatchEventRecord::sessionHex);
        column(evOrigin, WatchEventRecord::origin);
        ownTable.setPlaceholder(new Label("no watches set"));
        eventTable.setPlaceholder(new Label("no events yet — change a watched node"));
        serverTable.setPlaceholder(new Label("press Refresh"));
    }

    @FXML
    private void refreshServer() {
        vm.refreshServerWatches();
    }

    @FXML
    private void clear() {
        vm.clearLog();
    }
}
