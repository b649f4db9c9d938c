package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.List;

/**
 * The states of one {@link SessionRecording} by event count, for scrubbing: the state after the
 * first {@code n} events, folded from the nearest checkpoint (one every {@link #CHECKPOINT_EVERY}
 * events), so seeking anywhere costs at most that many reductions. The recording only grows, so
 * checkpoints stay valid. Same thread as the recording.
 */
final class StateHistory {

    static final int CHECKPOINT_EVERY = 256;

    private final SessionRecording recording;
    private final List<TeachingState> checkpoints = new ArrayList<>(List.of(TeachingState.EMPTY));
    private TeachingState latest = TeachingState.EMPTY;
    private int latestCount;

    StateHistory(SessionRecording recording) {
        this.recording = recording;
    }

    SessionRecording recording() {
        return recording;
    }

    /** The state after every event recorded so far. */
    TeachingState latest() {
        while (latestCount < recording.size()) {
            latest = TeachingReducer.reduce(latest, recording.entries().get(latestCount).event());
            latestCount++;
            if (latestCount % CHECKPOINT_EVERY == 0 && checkpoints.size() == latestCount / CHECKPOINT_EVERY) {
                checkpoints.add(latest);
            }
        }
        return latest;
    }

    /** The state after the first {@code count} events (clamped to the recording). */
    TeachingState after(int count) {
        int n = Math.max(0, Math.min(count, recording.size()));
        if (n == recording.size()) {
            return latest();
        }
        if (n > latestCount) {
            latest();
        }
        int k = Math.min(n / CHECKPOINT_EVERY, checkpoints.size() - 1);
        return foldFrom(checkpoints.get(k), k * CHECKPOINT_EVERY, n);
    }

    /** Folds entries {@code [from, to)} onto {@code state}. */
    TeachingState foldFrom(TeachingState state, int from, int to) {
        TeachingState s = state;
        for (int i = from; i < to; i++) {
            s = TeachingReducer.reduce(s, recording.entries().get(i).event());
        }
        return s;
    }
}
