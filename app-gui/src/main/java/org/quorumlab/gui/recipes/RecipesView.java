package org.quorumlab.gui.recipes;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import org.quorumlab.gui.common.Fxml;

/** Thin controller of RecipesView.fxml; refreshes the ViewModel four times per second while shown. */
public final class RecipesView {

    private static final Duration REFRESH = Duration.millis(250);
    private final RecipesViewModel vm;
    private final Timeline ticker;
    @FXML private ComboBox<Recipe> recipeBox;
    @FXML private TextField clientsField;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button stopClientButton;
    @FXML private ProgressIndicator busy;
    @FXML private Label error;
    @FXML private Label description;
    @FXML private Label headline;
    @FXML private Label safety;
    @FXML private TableView<ClientRow> clientTable;
    @FXML private TableColumn<ClientRow, Integer> indexColumn;
    @FXML private TableColumn<ClientRow, String> stateColumn;
    @FXML private TableColumn<ClientRow, String> detailColumn;
    @FXML private TableColumn<ClientRow, String> serverColumn;

    private RecipesView(RecipesViewModel vm) {
        this.vm = vm;
        this.ticker = new Timeline(new KeyFrame(REFRESH, e -> vm.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /** Builds the Recipes tab for {@code vm}. */
    public static Parent create(RecipesViewModel vm) {
        return Fxml.load(new RecipesView(vm));
    }

    @FXML
    private void initialize() {
        recipeBox.setId("recipeBox");
        clientsField.setId("recipeClientsField");
        startButton.setId("recipeStartButton");
        stopButton.setId("recipeStopButton");
        clientTable.setId("recipeClientTable");
        headline.setId("recipeHeadline");
        safety.setId("recipeSafety");
        error.setId("recipeError");
        recipeBox.setItems(vm.recipes());
        recipeBox.valueProperty().bindBidirectional(vm.recipeProperty());
        clientsField.textProperty().bindBidirectional(vm.clientCountProperty());
        startButton.disableProperty().bind(vm.busyProperty());
        stopButton.disableProperty().bind(vm.busyProperty().or(vm.runningProperty().not()));
        stopClientButton.disableProperty().bind(vm.runningProperty().not()
                .or(clientTable.getSelectionModel().selectedItemProperty().isNull()));
        busy.visibleProperty().bind(vm.busyProperty());
        error.textProperty().bind(vm.errorProperty());
        description.textProperty().bind(vm.descriptionProperty());
        headline.textProperty().bind(vm.headlineProperty());
        safety.textProperty().bind(vm.safetyProperty());
        safety.visibleProperty().bind(vm.safetyProperty().isNotEmpty());
        vm.safeProperty().addListener((o, a, b) -> styleSafety(b));
        styleSafety(vm.safeProperty().get());
        clientTable.setItems(vm.clients());
        clientTable.setPlaceholder(new Label("no clients — press Start"));
        indexColumn.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().index()));
        stateColumn.setCellValueFactory(cd -> cd.getValue().stateProperty());
        stateColumn.setCellFactory(c -> new RecipeClientsPanel.StateCell());
        detailColumn.setCellValueFactory(cd -> cd.getValue().detailProperty());
        serverColumn.setCellValueFactory(cd -> cd.getValue().serverProperty());
        // Refresh only while the tab content is part of a window, so a dropped workspace stops ticking.
        clientTable.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private void styleSafety(boolean ok) {
        safety.getStyleClass().removeAll("safe", "unsafe");
        safety.getStyleClass().add(ok ? "safe" : "unsafe");
    }

    @FXML
    private void start() {
        vm.start();
    }

    @FXML
    private void stop() {
        vm.stop();
    }

    @FXML
    private void stopSelected() {
        ClientRow row = clientTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.stopClient(row.index());
        }
    }
}
