package org.quorumlab.gui.teaching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.NodeSnapshot;
import org.quorumlab.gui.cluster.ClusterMonitor;
import org.quorumlab.gui.cluster.Role;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * The Teaching tab: records every event of the live cluster (fed by a {@link ClusterMonitor}),
 * shows it through a {@link ReplayViewModel}, and drives teaching mode on every member (speed,
 * pause/resume, step, drop a message, cut a link, heal). Without a {@link TeachingControl} it is
 * replay-only: it can open and replay a {@code .qlrec} recording but touches no cluster.
 */
public final class TeachingViewModel implements ClusterMonitor.Listener {

    private final TeachingControl control;
    private final TaskExecutor executor;
    private final LongSupplier clock;
    /** Events kept of a live session; beyond it the older half is folded into one state event. */
    public static final int RECORDING_LIMIT = 100_000;

    /** A message this long past its delivery time without a delivery event is re-read from its node. */
    static final long STALE_MS = 3_000;

    private final int recordingLimit;
    private long lastResync;
    /** Reads of the members' teaching state started, and the newest one whose answer was recorded. */
    private long readsStarted;
    private long newestRead;
    private SessionRecording live = new SessionRecording();
    private StateHistory liveStates = new StateHistory(live);
    private final ReplayViewModel replay;
    private final IntegerProperty speedFactor = new SimpleIntegerProperty(1);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty heldCount = new SimpleIntegerProperty();
    private final BooleanProperty liveAvailable = new SimpleBooleanProperty();
    private final BooleanProperty showingLive = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding interactive;

    /**
     * @param control the ensemble's teaching API, or null for replay-only
     * @param clock   console wall clock (ms): arrival times of recorded events
     */
    public TeachingViewModel(TeachingControl control, TaskExecutor executor, LongSupplier clock) {
        this(control, executor, clock, RECORDING_LIMIT);
    }

    TeachingViewModel(TeachingControl control, TaskExecutor executor, LongSupplier clock, int recordingLimit) {
        this.recordingLimit = recordingLimit;
        this.control = control;
        this.executor = executor;
        this.clock = clock;
        this.replay = new ReplayViewModel(executor, clock);
        liveAvailable.set(control != null);
        interactive = Bindings.createBooleanBinding(() -> liveAvailable.get() && showingLive.get()
                && replay.followingProperty().get(), liveAvailable, showingLive, replay.followingProperty());
        replay.show(liveStates, true);
        replay.stateProperty().addListener((o, a, s) -> {
            speedFactor.set(s.slowFactor());
            paused.set(s.anyPaused());
            heldCount.set(s.held().size());
        });
        replay.messageProperty().addListener((o, a, b) -> status.set(b));
        status.set(control == null ? "Replay only: open a recording (.qlrec)." : "");
    }

    public ReplayViewModel replay() { return replay; }
    /** The cluster's speed factor (the highest among live members) in the shown state. */
    public IntegerProperty speedFactorProperty() { return speedFactor; }
    /** True when a live member holds every message in the shown state. */
    public BooleanProperty pausedProperty() { return paused; }
    /** How many messages the shown state holds (in flight or parked). */
    public IntegerProperty heldCountProperty() { return heldCount; }
    /** True when a cluster is attached (false: replay-only). */
    public BooleanProperty liveAvailableProperty() { return liveAvailable; }
    /** True while the live session (not an opened file) is shown. */
    public BooleanProperty showingLiveProperty() { return showingLive; }
    /** True while a call to the cluster runs. */
    public BooleanProperty busyProperty() { return busy; }
    /** Outcome of the last action, or the reason it failed. */
    public StringProperty statusProperty() { return status; }
    /** True when the controls act on the cluster: live, shown, and following the newest event. */
    public BooleanBinding interactiveProperty() { return interactive; }

    /** The live session's recording. */
    public SessionRecording liveRecording() {
        return live;
    }

    /**
     * Reads what every member holds now into the recording. A live tab does not need it: every
     * event stream's first line ({@code Hello}) triggers the same read (see {@link #onEvents}).
     */
    public void start() {
        if (control == null) {
            return;
        }
        readHeld();
    }

    /**
     * Background read of every member's held messages and faults; works while a replay is shown too.
     * The streams keep running while the read is under way, so its answer is brought up to date
     * with what they delivered since the read began ({@link #caughtUp}) before it is recorded.
     * Reads may overlap: an answer older than one already recorded is dropped.
     */
    private void readHeld() {
        long read = ++readsStarted;
        SessionRecording readDuring = live;
        int streamedFrom = live.size();
        executor.run(control::read, members -> {
            if (read < newestRead) {
                return;
            }
            newestRead = read;
            long now = clock.getAsLong();
            // a trim renumbers the recording: then the answer is recorded as it came
            int since = readDuring == live ? streamedFrom : -1;
            List<ClusterEvent> learned = new ArrayList<>();
            for (MemberTeaching m : members) {
                learned.addAll(caughtUp(m, since, now));
            }
            record(learned);
            if (members.isEmpty()) {
                status.set("no cluster member answered");
            }
        }, e -> status.set("Cannot read the teaching state: " + message(e)));
    }

    /**
     * What member {@code m} answered, as of now: the node answered at some moment after the read
     * began (recording position {@code since}), and the events recorded since then may come from
     * before or after that moment. Recorded as it came, the answer would erase a message sent after
     * it (held for good while the cluster is paused), bring back one delivered after it, or undo a
     * pause. So the answer is folded in at {@code since} and the events since replayed on top (each
     * is harmless to replay over a state that already has it); the node's resulting teaching state
     * is what gets recorded. Faults streamed since supersede the faults read.
     */
    private List<ClusterEvent> caughtUp(MemberTeaching m, int since, long now) {
        ClusterEvent answer = SyntheticEvents.teachingSnapshot(m, now);
        ClusterEvent faults = SyntheticEvents.faults(m.server(), m.blocked(), m.dropPercent(), now);
        if (since < 0) {
            return List.of(answer, faults);
        }
        List<ClusterEvent> streamed = live.entries().subList(since, live.size()).stream()
                .map(SessionRecording.Entry::event).toList();
        TeachingState s = TeachingReducer.reduceAll(TeachingReducer.reduce(liveStates.after(since), answer), streamed);
        NodeState n = s.nodes().get(m.server());
        List<HeldMessage> held = s.held().values().stream().filter(h -> h.from() == m.server()).toList();
        ClusterEvent current = SyntheticEvents.teachingSnapshot(new MemberTeaching(m.server(), m.endpoint(),
                n.slowFactor(), n.paused(), n.messageDelayMs(), held, m.blocked(), m.dropPercent()), now);
        boolean faultsStreamed = streamed.stream()
                .anyMatch(e -> e.server() == m.server() && e.type().equals("FaultsChanged"));
        return faultsStreamed ? List.of(current) : List.of(current, faults);
    }

    /**
     * Records a batch of streamed events. A {@code Hello} (the first line of a new or re-opened
     * stream) means every event of that node from now on arrives here, so what the members hold is
     * read then: read earlier, anything the node did between the read and the subscription would
     * be missing from the picture for good (a paused node's held messages never come again).
     */
    @Override
    public void onEvents(List<ClusterEvent> batch) {
        if (control == null) {
            return;
        }
        record(batch);
        if (batch.stream().anyMatch(e -> e.type().equals("Hello"))) {
            readHeld();
        }
    }

    @Override
    public void onPoll(List<NodeSnapshot> snapshots, Set<Long> down, Set<Long> members) {
        if (control == null) {
            return;
        }
        TeachingState s = liveStates.latest();
        long now = clock.getAsLong();
        List<ClusterEvent> learned = new ArrayList<>();
        for (NodeSnapshot snap : snapshots) {
            NodeState n = s.nodes().get(snap.id());
            if (n == null || !n.alive() || n.role() != Role.parse(snap.mode()) || n.epoch() != snap.epoch()
                    || n.lastZxid() < 0) {
                learned.add(SyntheticEvents.polled(snap, now));
            }
        }
        for (long id : down) {
            NodeState n = s.nodes().get(id);
            if (n != null && n.alive()) {
                learned.add(SyntheticEvents.nodeDown(id, now));
            }
        }
        record(learned);
        // after recording: a node found down takes its undelivered messages with it, they are not overdue
        boolean overdue = liveStates.latest().held().values().stream()
                .anyMatch(m -> !m.parked() && now - m.deliverTs() > STALE_MS);
        if (overdue && now - lastResync > STALE_MS) {
            // a delivery event was lost (e.g. while a stream reconnected): ask the nodes what they really hold
            lastResync = now;
            readHeld();
        }
    }

    private void record(List<ClusterEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        events.forEach(e -> live.add(now, e));
        if (live.size() > recordingLimit) {
            trimLive();
        } else if (showingLive.get()) {
            replay.appended();
        }
    }

    /** Keeps the newer half of the live session, starting from the state the older half built. */
    private void trimLive() {
        int keepFrom = live.size() - recordingLimit / 2;
        SessionRecording.Entry first = live.entries().get(keepFrom);
        SessionRecording kept = new SessionRecording();
        kept.add(first.at(), SyntheticEvents.state(liveStates.after(keepFrom), first.event().ts()));
        live.entries().subList(keepFrom, live.size()).forEach(e -> kept.add(e.at(), e.event()));
        live = kept;
        liveStates = new StateHistory(kept);
        if (showingLive.get()) {
            boolean follow = replay.followingProperty().get();
            long cursor = replay.cursorProperty().get();
            replay.show(liveStates, follow);
            if (!follow) {
                replay.seek(cursor);
            }
        }
    }

    /** Sets every member's speed factor (1..1000). */
    public void applySpeed(int factor) {
        int f = Math.max(1, Math.min(AdminTeaching.MAX_FACTOR, factor));
        call(() -> control.setSpeed(f), n -> "speed \u00d7" + f + " on " + n + " node" + (n == 1 ? "" : "s"));
    }

    /** Holds every message on every member. */
    public void pause() {
        call(control::pause, n -> "paused " + n + " node" + (n == 1 ? "" : "s") + ": use Step to deliver one message");
    }

    /** Lets held messages flow again. */
    public void resume() {
        call(control::resume, n -> "resumed " + n + " node" + (n == 1 ? "" : "s"));
    }

    /** Delivers the globally oldest held message. */
    public void step() {
        call(control::step, m -> m.map(h -> "released " + h.describe()).orElse("nothing is held"));
    }

    /** Discards one held message. */
    public void drop(MessageKey key) {
        HeldMessage m = replay.state().held().get(key);
        String what = m == null ? key.toString() : m.describe();
        call(() -> {
            control.drop(key);
            return what;
        }, w -> "dropped " + w);
    }

    /** Cuts the link between {@code a} and {@code b}, or restores it when it is cut. */
    public void toggleCut(long a, long b) {
        boolean cut = !replay.state().isCut(a, b);
        call(() -> {
            control.cutLink(a, b, cut);
            return cut;
        }, c -> (c ? "cut" : "restored") + " the link " + a + "\u2013" + b);
    }

    /** Removes every link fault. */
    public void healAll() {
        call(control::heal, n -> "healed " + n + " node" + (n == 1 ? "" : "s"));
    }

    /** Opens a recording and shows it (replay only, no cluster calls) from its start. */
    public void openRecording(Path file) {
        busy.set(true);
        executor.run(() -> RecordingFile.read(file), rec -> {
            busy.set(false);
            showingLive.set(false);
            replay.show(rec, false);
            status.set("Opened " + file.getFileName() + ": " + rec.size() + " events (replay only)");
        }, e -> {
            busy.set(false);
            status.set("Cannot open the recording: " + e.getMessage());
        });
    }

    /** Shows the live session again after an opened recording. */
    public void backToLive() {
        if (control == null) {
            return;
        }
        showingLive.set(true);
        replay.show(liveStates, true);
        status.set("");
    }

    private <T> void call(Callable<T> work, Function<T, String> outcome) {
        if (!interactive.get()) {
            status.set(control == null ? "replay only: no cluster attached"
                    : "showing a replay: go back to live to control the cluster");
            return;
        }
        busy.set(true);
        executor.run(work, v -> {
            busy.set(false);
            String text = outcome.apply(v);
            if (!text.isEmpty()) {
                status.set(text);
            }
        }, e -> {
            busy.set(false);
            status.set("Failed: " + message(e));
        });
    }

    private static String message(Throwable e) {
        if (e instanceof IOException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.toString();
    }
}
