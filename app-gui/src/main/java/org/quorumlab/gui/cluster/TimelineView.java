package org.quorumlab.gui.cluster;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Leader-change timeline: a horizontal time axis (zoom with the slider or Ctrl+scroll) with one
 * bar per election labelled with winner, epoch, duration and votes, and a table of the same.
 */
final class TimelineView extends BorderPane {

    private static final double HEIGHT = 110;

    private final TimelineViewModel vm;
    private final Canvas canvas = new Canvas(800, HEIGHT);

    TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        Slider zoom = new Slider(Math.log10(TimelineViewModel.MIN_ZOOM), Math.log10(TimelineViewModel.MAX_ZOOM),
                Math.log10(vm.pixelsPerSecondProperty().get()));
        zoom.valueProperty().addListener((o, a, b) -> vm.pixelsPerSecondProperty().set(Math.pow(10, b.doubleValue())));
        vm.pixelsPerSecondProperty().addListener((o, a, b) -> {
            zoom.setValue(Math.log10(b.doubleValue()));
            redraw();
        });
        HBox top = new HBox(8, new Label("Elections"), new Label("zoom"), zoom);
        top.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(canvas);
        scroll.setPrefViewportHeight(HEIGHT);
        scroll.setOnScroll(e -> {
            if (e.isControlDown()) {
                vm.zoom(e.getDeltaY() > 0 ? 1.25 : 0.8);
                e.consume();
            }
        });
        TableView<ElectionEntry> table = new TableView<>(vm.entries());
        table.setId("electionTable");
        table.setPrefHeight(120);
        table.getColumns().add(column("start", e -> String.format("%tT", e.startTs())));
        table.getColumns().add(column("winner", e -> Long.toString(e.winner())));
        table.getColumns().add(column("epoch", e -> Long.toString(e.epoch())));
        table.getColumns().add(column("duration", e -> e.durationMs() + " ms"));
        table.getColumns().add(column("votes", e -> Integer.toString(e.votes())));
        table.getColumns().add(column("previous", e -> e.previousLeader() < 0 ? "-" : Long.toString(e.previousLeader())));
        table.getColumns().add(column("nodes looking", e -> e.participants().toString()));
        table.getColumns().add(column("cause", ElectionEntry::cause));
        setTop(top);
        setCenter(scroll);
        setBottom(table);
        vm.entries().addListener((javafx.collections.ListChangeListener<ElectionEntry>) c -> redraw());
        redraw();
    }

    private static TableColumn<ElectionEntry, String> column(String name,
            java.util.function.Function<ElectionEntry, String> f) {
        TableColumn<ElectionEntry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    /** Redraws the axis and bars (called on new entries and zoom). */
    void redraw() {
        double pps = vm.pixelsPerSecondProperty().get();
        long origin = vm.firstTs();
        long end = Math.max(vm.lastTs(), origin);
        double width = Math.min(60_000, Math.max(800, (end - origin) / 1000.0 * pps + 120));
        canvas.setWidth(width);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, HEIGHT);
        if (origin < 0) {
            g.setFill(Color.GRAY);
            g.fillText("no events yet", 10, 20);
            return;
        }
        double axisY = HEIGHT - 22;
        g.setStroke(Color.web("#555"));
        g.setLineWidth(1);
        g.strokeLine(0, axisY, width, axisY);
        double stepS = niceStep(80 / pps);
        g.setFont(Font.font(10));
        g.setFill(Color.web("#555"));
        g.setTextBaseline(VPos.TOP);
        for (double s = 0; s * pps < width; s += stepS) {
            double x = 10 + s * pps;
            g.strokeLine(x, axisY, x, axisY + 4);
            g.fillText(s >= 60 ? String.format("%.0fm%02.0fs", Math.floor(s / 60), s % 60) : String.format("%.1fs", s),
                    x + 2, axisY + 5);
        }
        int lane = 0;
        for (ElectionEntry e : vm.entries()) {
            double x = 10 + (e.startTs() - origin) / 1000.0 * pps;
            double w = Math.max(3, e.durationMs() / 1000.0 * pps);
            double y = 8 + (lane++ % 2) * 34;
            g.setFill(e.leaderChanged() ? Color.web("#f6c343") : Color.web("#a0c4ff"));
            g.fillRect(x, y, w, 26);
            g.setStroke(Color.web("#8a6d00"));
            g.strokeRect(x, y, w, 26);
            g.setFill(Color.BLACK);
            g.setFont(Font.font(11));
            g.fillText("\u265B " + e.winner() + "  e" + e.epoch() + "  " + e.durationMs() + " ms  " + e.votes()
                    + " votes", x + w + 4, y + 6);
        }
        if (vm.openSince() > 0) {
            double x = 10 + (vm.openSince() - origin) / 1000.0 * pps;
            g.setFill(Color.web("#f4a261"));
            g.fillRect(x, 76, Math.max(3, width - x), 8);
        }
    }

    private static double niceStep(double raw) {
        double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600};
        for (double s : steps) {
            if (s >= raw) {
                return s;
            }
        }
        return 600;
    }
}
