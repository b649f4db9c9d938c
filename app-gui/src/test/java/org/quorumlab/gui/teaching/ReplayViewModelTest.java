package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.gui.teaching.TeachingEvents.delivered;
import static org.quorumlab.gui.teaching.TeachingEvents.hello;
import static org.quorumlab.gui.teaching.TeachingEvents.sent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.common.TaskExecutor;

class ReplayViewModelTest {

    private static final long T = 1_764_115_200_000L;

    @TempDir
    Path dir;

    private final AdminClient client = new AdminClient(AdminCredentials.none());

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** 1000 messages 1→2, one arriving every 10 ms, each delivered 5 ms later. */
    private static SessionRecording longRecording() {
        SessionRecording r = new SessionRecording();
        r.add(T, hello(T, 1, "leader", 2, 1));
        r.add(T, hello(T, 2, "follower", 2, 1));
        for (int i = 1; i <= 1000; i++) {
            long t = T + i * 10L;
            r.add(t, sent(t, 1, i, 2, "PROPOSAL", "0x2" + String.format("%08x", i), t + 5));
            r.add(t + 5, delivered(t + 5, 1, i, 2, "PROPOSAL"));
        }
        return r;
    }

    @Test
    void seekingShowsTheFoldOfEveryEventUpToThatMomentInAnyOrder() {
        SessionRecording rec = longRecording();
        List<TeachingState> expected = new ArrayList<>(List.of(TeachingState.EMPTY));
        for (ClusterEvent e : rec.events()) {
            expected.add(TeachingReducer.reduce(expected.get(expected.size() - 1), e));
        }
        ReplayViewModel vm = new ReplayViewModel(TaskExecutor.synchronous(), () -> 0L);
        vm.show(rec, false);
        for (long t : new long[] {T + 9_999, T + 3, T + 5_000, T + 4_995, T + 10_005, T + 2_570, T + 2_565}) {
            vm.seek(t);
            assertThat(vm.state()).as("state at %d", t - T).isEqualTo(expected.get(rec.countUpTo(t)));
            assertThat(vm.positionProperty().get()).isEqualTo(rec.countUpTo(t));
        }
        vm.seek(T + 5_002);
        assertThat(vm.state().held()).containsOnlyKeys(new MessageKey(1, 500));
        assertThat(vm.state().nodes().get(2L).log()).hasSize(NodeState.LOG_LIMIT);
    }

    @Test
    void playAdvancesTheCursorAtTheChosenRateAndStopsAtTheEnd() {
        ReplayViewModel vm = new ReplayViewModel(TaskExecutor.synchronous(), () -> 0L);
        SessionRecording rec = longRecording();
        vm.show(rec, false);
        assertThat(vm.cursorProperty().get()).isEqualTo(T);
        vm.rateProperty().set(4.0);
        vm.play();
        vm.advance(250);
        assertThat(vm.cursorProperty().get()).isEqualTo(T + 1000);
        assertThat(vm.positionProperty().get()).isEqualTo(rec.countUpTo(T + 1000));
        vm.rateProperty().set(0.25);
        vm.advance(400);
        assertThat(vm.cursorProperty().get()).isEqualTo(T + 1100);
        vm.pause();
        vm.advance(1000);
        assertThat(vm.cursorProperty().get()).isEqualTo(T + 1100);
        vm.rateProperty().set(4.0);
        vm.play();
        vm.advance(60_000);
        assertThat(vm.cursorProperty().get()).isEqualTo(rec.end());
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.positionProperty().get()).isEqualTo(rec.size());
    }

    @Test
    void followingTracksNewEventsUntilTheUserSeeksAndGoLiveReturns() {
        AtomicLong clock = new AtomicLong(T);
        ReplayViewModel vm = new ReplayViewModel(TaskExecutor.synchronous(), clock::get);
        SessionRecording live = new SessionRecording();
        vm.show(live, true);
        live.add(T, hello(T, 1, "leader", 1, 1));
        vm.appended();
        live.add(T + 100, sent(T + 100, 1, 1, 2, "VOTE", null, T + 200));
        vm.appended();
        assertThat(vm.state().held()).hasSize(1);
        assertThat(vm.animationTime()).isEqualTo(T);

        vm.seek(T + 50);
        assertThat(vm.followingProperty().get()).isFalse();
        assertThat(vm.state().held()).isEmpty();
        assertThat(vm.animationTime()).isEqualTo(T + 50);
        live.add(T + 300, delivered(T + 300, 1, 1, 2, "VOTE"));
        vm.appended();
        assertThat(vm.state().held()).isEmpty();
        assertThat(vm.endProperty().get()).isEqualTo(T + 300);

        vm.goLive();
        assertThat(vm.followingProperty().get()).isTrue();
        assertThat(vm.cursorProperty().get()).isEqualTo(T + 300);
        assertThat(vm.state()).isEqualTo(TeachingReducer.reduceAll(TeachingState.EMPTY, live.events()));
    }

    @Test
    void aLongLiveSessionKeepsItsNewerHalfStartingFromTheStateTheOlderHalfBuilt() {
        SessionRecording rec = longRecording();
        // an ensemble with no member: the ViewModel only records what it is fed
        TeachingViewModel vm = new TeachingViewModel(new AdminTeaching(client, List::of), TaskExecutor.synchronous(),
                () -> T, 500);
        List<ClusterEvent> events = rec.events();
        for (int i = 0; i < events.size(); i += 7) {
            vm.onEvents(events.subList(i, Math.min(events.size(), i + 7)));
        }
        SessionRecording live = vm.liveRecording();
        assertThat(live.size()).isBetween(250, 500);
        assertThat(live.events().get(0).type()).isEqualTo(SyntheticEvents.STATE);
        assertThat(vm.replay().state()).isEqualTo(TeachingReducer.reduceAll(TeachingState.EMPTY, events));
        assertThat(vm.replay().followingProperty().get()).isTrue();
        // the trimmed session still exports, reopens and replays to the same state
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            RecordingFile.write(live, w);
            SessionRecording back = RecordingFile.read(new java.io.StringReader(w.toString()), "trimmed.qlrec");
            assertThat(TeachingReducer.reduceAll(TeachingState.EMPTY, back.events())).isEqualTo(vm.replay().state());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theStateCodecIsExact() {
        TeachingState s = TeachingReducer.reduceAll(TeachingState.EMPTY, List.of(hello(T, 1, "leader", 2, 1),
                TeachingEvents.ev(T + 1, 2, "VoteSent", "\"vote\":{\"leaderId\":2,\"zxid\":\"0x200000007\","
                        + "\"electionEpoch\":3,\"peerEpoch\":2}"),
                TeachingEvents.ev(T + 2, 1, "FaultsChanged", "\"blocked\":[3],\"dropPercent\":{}"),
                TeachingEvents.ev(T + 3, 1, "Committed", "\"zxid\":\"0x200000004\""),
                sent(T + 4, 1, 9, 2, "PROPOSAL", "0x200000005", null), sent(T + 5, 2, 1, 1, "PING", null, T + 90)));
        assertThat(StateCodec.decode(StateCodec.encode(s))).isEqualTo(s);
        assertThat(TeachingReducer.reduce(TeachingState.EMPTY, SyntheticEvents.state(s, T + 6))).isEqualTo(s);
    }

    @Test
    void exportWritesTheShownRecording() throws Exception {
        ReplayViewModel vm = new ReplayViewModel(TaskExecutor.synchronous(), () -> 0L);
        SessionRecording rec = longRecording();
        vm.show(rec, false);
        Path file = dir.resolve("x.qlrec");
        vm.export(file);
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2002 events to x.qlrec");
        assertThat(RecordingFile.read(file).size()).isEqualTo(2002);
        vm.export(dir.resolve("missing-dir/y.qlrec"));
        assertThat(vm.messageProperty().get()).startsWith("Export failed:");
    }
}
