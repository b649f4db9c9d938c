package org.quorumlab.gui.teaching;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.quorumlab.gui.common.Fxml;

/** Thin controller of TeachingView.fxml: binds the controls, diagram, node panel and timeline to the ViewModel. */
public final class TeachingView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final TeachingViewModel vm;
    private final DoubleProperty fontScale;
    private final boolean compact;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stepButton;
    @FXML private Button healButton;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private Button backToLiveButton;
    @FXML private StackPane diagramHolder;
    @FXML private ScrollPane nodePanelHolder;
    @FXML private Button playButton;
    @FXML private ComboBox<Double> rateBox;
    @FXML private Slider timeline;
    @FXML private Label cursorLabel;
    @FXML private Button liveButton;
    @FXML private Label lastEventLabel;
    @FXML private Label statusLabel;
    @FXML private Label heldLabel;
    @FXML private Label hintLabel;
    @FXML private HBox timelineRow;
    @FXML private SplitPane split;
    private boolean syncing;
    private int requestedFactor;

    private TeachingView(TeachingViewModel vm, DoubleProperty fontScale, boolean compact) {
        this.vm = vm;
        this.fontScale = fontScale;
        this.compact = compact;
    }

    /** The Teaching view of {@code vm}. */
    public static Parent create(TeachingViewModel vm) {
        return create(vm, new SimpleDoubleProperty(1));
    }

    /** The Teaching view of {@code vm}; the diagram's labels follow {@code fontScale} (presenter mode). */
    public static Parent create(TeachingViewModel vm, DoubleProperty fontScale) {
        return Fxml.load(new TeachingView(vm, fontScale, false));
    }

    /**
     * A second, compact view of the same {@code vm} for a screen that shows something else beside it
     * (the Lessons tab): the speed, pause/resume/step controls, the diagram above the node cards, and
     * no replay timeline or recording buttons.
     */
    public static Parent createCompact(TeachingViewModel vm, DoubleProperty fontScale) {
        Parent root = Fxml.load(new TeachingView(vm, fontScale, true));
        root.getStyleClass().add("teaching-compact");
        return root;
    }

    @FXML
    private void initialize() {
        ReplayViewModel replay = vm.replay();
        TeachingDiagram diagram = new TeachingDiagram(replay);
        diagram.setOnDotClicked(vm::drop);
        diagram.setOnLinkClicked(vm::toggleCut);
        diagram.setEmptyText(vm.liveAvailableProperty().get() ? "waiting for events from the cluster..."
                : "Open a recording (.qlrec) to replay a session");
        diagram.fontScaleProperty().bind(fontScale);
        diagramHolder.getChildren().add(diagram);
        heldLabel.textProperty().bind(Bindings.createStringBinding(() -> heldText(vm.heldCountProperty().get()),
                vm.heldCountProperty()));
        if (compact) {
            compact();
        }
        nodePanelHolder.setContent(new NodeStatePanel(replay));

        var notInteractive = vm.interactiveProperty().not();
        for (var control : List.of(speedSlider, pauseButton, resumeButton, stepButton, healButton)) {
            control.disableProperty().bind(notInteractive);
        }
        pauseButton.visibleProperty().bind(vm.pausedProperty().not());
        pauseButton.managedProperty().bind(pauseButton.visibleProperty());
        resumeButton.visibleProperty().bind(vm.pausedProperty());
        resumeButton.managedProperty().bind(resumeButton.visibleProperty());
        stepButton.setId("teachingStep");
        backToLiveButton.visibleProperty().bind(vm.liveAvailableProperty().and(vm.showingLiveProperty().not()));
        backToLiveButton.managedProperty().bind(backToLiveButton.visibleProperty());
        exportButton.disableProperty().bind(replay.totalProperty().isEqualTo(0));
        openButton.disableProperty().bind(vm.busyProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        lastEventLabel.textProperty().bind(replay.lastEventProperty());

        bindSpeed();
        bindTimeline(replay);
        AnimationTimer playback = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                // two views may show one ViewModel (Teaching and Lessons tabs): only the one on screen plays
                if (last != 0 && shown(diagramHolder)) {
                    replay.advance((now - last) / 1_000_000L);
                }
                last = now;
            }
        };
        diagram.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                playback.stop();
            } else {
                playback.start();
            }
        });
    }

    private void compact() {
        heldLabel.setId("heldCount");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        for (Node n : List.of(timelineRow, openButton, exportButton)) {
            n.setVisible(false);
            n.setManaged(false);
        }
        // beside the lesson the toolbar is narrow: a shorter slider, and buttons never cut to "..."
        speedSlider.setPrefWidth(110);
        for (var control : List.of(pauseButton, resumeButton, stepButton, heldLabel, healButton)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static String heldText(int held) {
        return held == 0 ? "" : held + (held == 1 ? " message held" : " messages held");
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void bindSpeed() {
        speedSlider.setMax(SpeedScale.MAX_POSITION);
        speedSlider.setValue(SpeedScale.position(vm.speedFactorProperty().get()));
        speedLabel.setText("\u00d7" + vm.speedFactorProperty().get());
        requestedFactor = vm.speedFactorProperty().get();
        vm.speedFactorProperty().addListener((o, a, f) -> {
            requestedFactor = f.intValue();
            if (!speedSlider.isValueChanging()) {
                syncing = true;
                speedSlider.setValue(SpeedScale.position(f.intValue()));
                syncing = false;
            }
        });
        speedSlider.valueProperty().addListener((o, a, v) -> {
            speedLabel.setText("\u00d7" + SpeedScale.factor(v.doubleValue()));
            if (!syncing && !speedSlider.isValueChanging()) {
                applySpeed();
            }
        });
        speedSlider.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                applySpeed();
            }
        });
    }

    private void applySpeed() {
        int f = SpeedScale.factor(speedSlider.getValue());
        if (f != requestedFactor) {
            requestedFactor = f;
            vm.applySpeed(f);
        }
    }

    private void bindTimeline(ReplayViewModel replay) {
        timeline.setId("teachingTimeline");
        // not bound: Slider itself moves max when min passes it
        Runnable range = () -> {
            syncing = true;
            timeline.setMax(Math.max(timeline.getMax(), replay.endProperty().get()));
            timeline.setMin(replay.startProperty().get());
            timeline.setMax(replay.endProperty().get());
            timeline.setValue(replay.cursorProperty().get());
            syncing = false;
        };
        replay.startProperty().addListener((o, a, b) -> range.run());
        replay.endProperty().addListener((o, a, b) -> range.run());
        range.run();
        replay.cursorProperty().addListener((o, a, c) -> {
            syncing = true;
            timeline.setValue(c.doubleValue());
            syncing = false;
        });
        timeline.valueProperty().addListener((o, a, v) -> {
            // only the user's drag or click seeks; bound changes also move the value
            if (!syncing && (timeline.isValueChanging() || timeline.isPressed())) {
                replay.seek(Math.round(v.doubleValue()));
            }
        });
        playButton.textProperty().bind(Bindings.when(replay.playingProperty()).then("Pause replay").otherwise("Play"));
        rateBox.getItems().setAll(ReplayViewModel.RATES);
        rateBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double r) {
                return r == null ? "" : (r == Math.rint(r) ? String.valueOf(r.intValue()) : String.valueOf(r)) + "x";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", ""));
            }
        });
        rateBox.setValue(replay.rateProperty().get());
        rateBox.valueProperty().addListener((o, a, r) -> replay.rateProperty().set(r == null ? 1.0 : r));
        liveButton.visibleProperty().bind(vm.showingLiveProperty().and(replay.followingProperty().not()));
        cursorLabel.textProperty().bind(Bindings.createStringBinding(() -> cursorText(replay),
                replay.cursorProperty(), replay.positionProperty(), replay.totalProperty(), replay.endProperty()));
    }

    private static String cursorText(ReplayViewModel r) {
        if (r.totalProperty().get() == 0) {
            return "no events recorded";
        }
        long at = r.cursorProperty().get() - r.startProperty().get();
        long len = r.endProperty().get() - r.startProperty().get();
        return String.format(Locale.ROOT, "%s  +%.1f / %.1f s  event %d/%d",
                CLOCK.format(Instant.ofEpochMilli(r.cursorProperty().get())), at / 1000.0, len / 1000.0,
                r.positionProperty().get(), r.totalProperty().get());
    }

    @FXML
    private void pause() {
        vm.pause();
    }

    @FXML
    private void resume() {
        vm.resume();
    }

    @FXML
    private void step() {
        vm.step();
    }

    @FXML
    private void heal() {
        vm.healAll();
    }

    @FXML
    private void togglePlay() {
        if (vm.replay().playingProperty().get()) {
            vm.replay().pause();
        } else {
            vm.replay().play();
        }
    }

    @FXML
    private void goLive() {
        vm.replay().goLive();
    }

    @FXML
    private void backToLive() {
        vm.backToLive();
    }

    @FXML
    private void openRecording() {
        File f = chooser("Open recording").showOpenDialog(statusLabel.getScene().getWindow());
        if (f != null) {
            vm.openRecording(f.toPath());
        }
    }

    @FXML
    private void exportRecording() {
        FileChooser c = chooser("Export recording");
        c.setInitialFileName("session" + RecordingFile.EXTENSION);
        File f = c.showSaveDialog(statusLabel.getScene().getWindow());
        if (f != null) {
            String name = f.getName().endsWith(RecordingFile.EXTENSION) ? f.getName() : f.getName() + RecordingFile.EXTENSION;
            vm.replay().export(f.toPath().resolveSibling(name));
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("QuorumLab recordings", "*" + RecordingFile.EXTENSION));
        return c;
    }
}
