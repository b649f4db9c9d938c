package org.quorumlab.gui.cluster;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.quorumlab.gui.cluster.load.LoadGeneratorView;

/**
 * Live charts of the last five minutes (ops/s, latency, outstanding, connections, znodes) for the
 * whole ensemble or one node, plus the load generator controls. Refreshed at most once a second.
 */
final class ChartsView extends BorderPane {

    private static final long REFRESH_NANOS = 900_000_000L;

    private final ChartsViewModel vm;
    private final Map<Metric, LineChart<Number, Number>> charts = new EnumMap<>(Metric.class);
    private long lastRefresh;

    ChartsView(ChartsViewModel vm, LoadGeneratorView load) {
        this.vm = vm;
        ChoiceBox<String> scope = new ChoiceBox<>(vm.scopes());
        scope.setId("chartScope");
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        vm.scopeProperty().addListener((o, a, b) -> refresh(true));
        HBox top = new HBox(8, new Label("Show"), scope);
        top.setPadding(new Insets(4));
        GridPane grid = new GridPane();
        int i = 0;
        for (Metric m : Metric.values()) {
            NumberAxis x = new NumberAxis(-ChartsViewModel.WINDOW_MS / 1000.0, 0, 60);
            x.setLabel("seconds");
            NumberAxis y = new NumberAxis();
            y.setForceZeroInRange(true);
            LineChart<Number, Number> c = new LineChart<>(x, y);
            c.setTitle(m.title());
            c.setCreateSymbols(false);
            c.setAnimated(false);
            c.setPrefSize(420, 220);
            c.setMinSize(200, 150);
            charts.put(m, c);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
            grid.add(c, i % 3, i / 3);
            i++;
        }
        grid.add(load, 2, 1);
        setTop(top);
        setCenter(grid);
        vm.revisionProperty().addListener((o, a, b) -> refresh(false));
    }

    /** Rebuilds the series from the ViewModel (throttled unless {@code force}). */
    void refresh(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        charts.forEach((m, chart) -> {
            var lines = vm.lines(m);
            var series = chart.getData();
            while (series.size() > lines.size()) {
                series.remove(series.size() - 1);
            }
            for (int k = 0; k < lines.size(); k++) {
                ChartsViewModel.Line l = lines.get(k);
                if (k >= series.size()) {
                    series.add(new XYChart.Series<>());
                }
                XYChart.Series<Number, Number> s = series.get(k);
                s.setName(l.name());
                s.getData().setAll(l.points().stream().map(p -> new XYChart.Data<Number, Number>(p.x(), p.y()))
                        .toList());
            }
        });
    }
}
