package org.quorumlab.gui.recipes;

import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The recipe demo's clients at a glance, for a screen that shows them beside something else (a
 * lesson's {@code runRecipe} step): headline, safety check and a compact client table of the same
 * {@link RecipesViewModel} the Recipes tab shows. Refreshes the ViewModel while it is on screen.
 */
public final class RecipeClientsPanel extends VBox {

    private static final Duration REFRESH = Duration.millis(250);

    public RecipeClientsPanel(RecipesViewModel vm) {
        super(6);
        getStyleClass().add("recipes-pane");
        getStylesheets().add(RecipeClientsPanel.class.getResource("RecipesView.css").toExternalForm());
        Label headline = new Label();
        headline.setId("lessonRecipeHeadline");
        headline.getStyleClass().add("recipes-headline");
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        Label safety = new Label();
        safety.getStyleClass().add("recipes-safety");
        safety.setWrapText(true);
        safety.textProperty().bind(vm.safetyProperty());
        safety.visibleProperty().bind(vm.safetyProperty().isNotEmpty());
        vm.safeProperty().addListener((o, a, ok) -> styleSafety(safety, ok));
        styleSafety(safety, vm.safeProperty().get());
        getChildren().addAll(headline, safety, table(vm));
        Timeline ticker = new Timeline(new KeyFrame(REFRESH, e -> {
            if (isVisible()) {
                vm.refresh();
            }
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private static TableView<ClientRow> table(RecipesViewModel vm) {
        TableView<ClientRow> table = new TableView<>(vm.clients());
        table.setId("lessonRecipeClients");
        table.setPlaceholder(new Label("no clients yet: run the step"));
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ClientRow, Integer> index = new TableColumn<>("Client");
        index.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().index()));
        index.setMaxWidth(70);
        TableColumn<ClientRow, String> state = new TableColumn<>("State");
        state.setCellValueFactory(cd -> cd.getValue().stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(120);
        TableColumn<ClientRow, String> detail = new TableColumn<>("Detail");
        detail.setCellValueFactory(cd -> cd.getValue().detailProperty());
        table.getColumns().setAll(java.util.List.of(index, state, detail));
        return table;
    }

    private static void styleSafety(Label safety, boolean ok) {
        safety.getStyleClass().removeAll("safe", "unsafe");
        safety.getStyleClass().add(ok ? "safe" : "unsafe");
    }

    /** The state with its colour (the Recipes tab's styles). */
    static final class StateCell extends TableCell<ClientRow, String> {
        @Override
        protected void updateItem(String state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeIf(s -> s.startsWith("recipe-state"));
            if (empty || state == null) {
                setText(null);
                return;
            }
            setText(state);
            getStyleClass().addAll("recipe-state", "recipe-state-" + state.toLowerCase(Locale.ROOT));
        }
    }
}
