package org.quorumlab.gui.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Lets the user put each node into group A, B or C; results in {@code "1,2|3"}. */
final class PartitionDialog extends Dialog<String> {

    private static final List<String> GROUPS = List.of("A", "B", "C");

    PartitionDialog(List<Long> ids) {
        setTitle("Partition the ensemble");
        setHeaderText("Put nodes into groups; links between groups are cut until you heal.");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        Map<Long, ChoiceBox<String>> choices = new TreeMap<>();
        int row = 0;
        for (long id : ids) {
            ChoiceBox<String> cb = new ChoiceBox<>();
            cb.getItems().setAll(GROUPS);
            cb.setValue(row < (ids.size() + 1) / 2 ? "A" : "B");
            choices.put(id, cb);
            grid.addRow(row++, new Label("node " + id), cb);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? groups(choices.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getValue()))) : null);
    }

    /** {@code {1:A, 2:A, 3:B}} to {@code "1,2|3"} (empty groups left out). */
    static String groups(Map<Long, String> assignment) {
        List<String> parts = new ArrayList<>();
        for (String g : GROUPS) {
            String ids = new TreeMap<>(assignment).entrySet().stream().filter(e -> g.equals(e.getValue()))
                    .map(e -> Long.toString(e.getKey())).collect(Collectors.joining(","));
            if (!ids.isEmpty()) {
                parts.add(ids);
            }
        }
        return String.join("|", parts);
    }
}
