package org.quorumlab.gui.teaching;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * The timeline under the Teaching tab: which recording is shown (the live session or one opened
 * from a file), the cursor on it, and the state at the cursor. While following, the cursor sticks
 * to the newest event; seeking shows the state at any earlier moment; play moves the cursor at
 * 0.25x..4x through the recorded time. UI thread only.
 */
public final class ReplayViewModel {

    /** Playback rates offered. */
    public static final List<Double> RATES = List.of(0.25, 0.5, 1.0, 2.0, 4.0);

    private final TaskExecutor executor;
    private final LongSupplier clock;
    private StateHistory history = new StateHistory(new SessionRecording());
    private int shownCount;
    private final ObjectProperty<TeachingState> state = new SimpleObjectProperty<>(TeachingState.EMPTY);
    private final LongProperty start = new SimpleLongProperty();
    private final LongProperty end = new SimpleLongProperty();
    private final LongProperty cursor = new SimpleLongProperty();
    private final IntegerProperty position = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty rate = new SimpleDoubleProperty(1.0);
    private final StringProperty lastEvent = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param executor file I/O in the background
     * @param clock    wall clock (ms) for animating the live state
     */
    public ReplayViewModel(TaskExecutor executor, LongSupplier clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /** The state at the cursor. */
    public ObjectProperty<TeachingState> stateProperty() { return state; }
    public TeachingState state() { return state.get(); }
    /** Arrival time of the first recorded event. */
    public LongProperty startProperty() { return start; }
    /** Arrival time of the newest recorded event. */
    public LongProperty endProperty() { return end; }
    /** The moment shown (console wall-clock ms). */
    public LongProperty cursorProperty() { return cursor; }
    /** Events folded into the shown state. */
    public IntegerProperty positionProperty() { return position; }
    /** Events recorded. */
    public IntegerProperty totalProperty() { return total; }
    /** True while the cursor sticks to the newest event. */
    public BooleanProperty followingProperty() { return following; }
    public BooleanProperty playingProperty() { return playing; }
    /** Playback speed relative to recorded time. */
    public DoubleProperty rateProperty() { return rate; }
    /** The newest event at the cursor, one line. */
    public StringProperty lastEventProperty() { return lastEvent; }
    /** Outcome of export/open, or an error. */
    public StringProperty messageProperty() { return message; }

    /** The recording shown. */
    public SessionRecording recording() {
        return history.recording();
    }

    /** Shows {@code recording}: following its end when {@code follow}, else from its start. */
    public void show(SessionRecording recording, boolean follow) {
        show(new StateHistory(recording), follow);
    }

    void show(StateHistory states, boolean follow) {
        SessionRecording recording = states.recording();
        history = states;
        playing.set(false);
        shownCount = 0;
        state.set(TeachingState.EMPTY);
        following.set(follow);
        refreshBounds();
        if (follow) {
            goLive();
        } else {
            seek(recording.start());
        }
    }

    /** The shown recording grew (the live session): follow it if following. */
    public void appended() {
        refreshBounds();
        if (following.get()) {
            cursor.set(end.get());
            showCount(history.recording().size());
        }
    }

    /** Shows the moment {@code t} (stops following). */
    public void seek(long t) {
        following.set(false);
        moveCursor(t);
    }

    /** Jumps to the newest event and sticks there. */
    public void goLive() {
        playing.set(false);
        following.set(true);
        cursor.set(end.get());
        showCount(history.recording().size());
    }

    /** Replays from the cursor (from the start when the cursor is at the end). */
    public void play() {
        if (history.recording().isEmpty()) {
            return;
        }
        following.set(false);
        if (cursor.get() >= end.get()) {
            moveCursor(start.get());
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    /** Advances a playing replay by {@code realElapsedMs} of real time times the rate. */
    public void advance(long realElapsedMs) {
        if (!playing.get()) {
            return;
        }
        long next = cursor.get() + Math.round(realElapsedMs * rate.get());
        if (next >= end.get()) {
            next = end.get();
            playing.set(false);
        }
        moveCursor(next);
    }

    /** The time dots are animated at: the wall clock while following, else the cursor. */
    public long animationTime() {
        return following.get() ? clock.getAsLong() : cursor.get();
    }

    /** Writes the shown recording to {@code file} in the background. */
    public void export(Path file) {
        SessionRecording rec = history.recording();
        int n = rec.size();
        executor.run(() -> {
            RecordingFile.write(rec, file);
            return n;
        }, count -> message.set("Exported " + count + " events to " + file.getFileName()),
                e -> message.set("Export failed: " + e.getMessage()));
    }

    private void moveCursor(long t) {
        long c = Math.max(start.get(), Math.min(end.get(), t));
        cursor.set(c);
        showCount(history.recording().countUpTo(c));
    }

    private void showCount(int count) {
        if (count == shownCount && count > 0) {
            return;
        }
        TeachingState s;
        if (count == history.recording().size()) {
            s = history.latest();
        } else if (count > shownCount && count - shownCount < StateHistory.CHECKPOINT_EVERY) {
            s = history.foldFrom(state.get(), shownCount, count);
        } else {
            s = history.after(count);
        }
        shownCount = count;
        state.set(s);
        position.set(count);
        ClusterEvent last = count == 0 ? null : history.recording().entries().get(count - 1).event();
        lastEvent.set(last == null ? "" : "node " + last.server() + "  " + last.type() + "  " + last.summary());
    }

    private void refreshBounds() {
        SessionRecording rec = history.recording();
        start.set(rec.start());
        end.set(rec.end());
        total.set(rec.size());
    }
}
