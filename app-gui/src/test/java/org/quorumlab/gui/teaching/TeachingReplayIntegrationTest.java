package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.cluster.Role;
import org.quorumlab.gui.cluster.TestEnsemble;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * Records a real election (leader stopped, slowed 3x so every message is streamed), then checks
 * that the states folded live and the states replayed from the saved .qlrec are identical at
 * every event index, and that scrubbing back shows the old leader before the election.
 */
class TeachingReplayIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedElectionReplaysFromItsFileToIdenticalStates() throws Exception {
        SessionRecording live;
        long oldLeader;
        long newLeader;
        TeachingState shownLive;
        try (TestEnsemble e = new TestEnsemble(dir.resolve("cluster"), 3).startAll()) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            try (LiveCluster c = new LiveCluster(e).open()) {
                c.vm.applySpeed(3);
                c.until("slowed", () -> c.state().nodes().values().stream().allMatch(n -> n.slowFactor() == 3));
                oldLeader = e.leaderId();
                e.stop(oldLeader);
                c.until("a new leader", () -> {
                    long l = c.state().leaderId();
                    return l > 0 && l != oldLeader && l == e.leaderId()
                            && c.state().nodes().get(l).role() == Role.LEADER;
                });
                newLeader = e.leaderId();
                c.monitor.pollOnce();
                c.until("the old leader shown down", () -> !c.state().nodes().get(oldLeader).alive());
                c.vm.applySpeed(1);
                live = c.vm.liveRecording();
                shownLive = c.vm.replay().state();
            }
        }
        List<ClusterEvent> events = live.events();
        assertThat(events).anyMatch(ev -> ev.type().equals("MessageSent") && ev.text("kind").equals("VOTE"));
        assertThat(events).anyMatch(ev -> ev.type().equals("VoteSent"));

        List<TeachingState> folded = new ArrayList<>(List.of(TeachingState.EMPTY));
        for (ClusterEvent ev : events) {
            folded.add(TeachingReducer.reduce(folded.get(folded.size() - 1), ev));
        }
        assertThat(shownLive).isEqualTo(folded.get(events.size()));

        Path file = dir.resolve("election" + RecordingFile.EXTENSION);
        RecordingFile.write(live, file);
        SessionRecording replayed = RecordingFile.read(file);
        assertThat(replayed.size()).isEqualTo(live.size());
        StateHistory history = new StateHistory(replayed);
        for (int i = events.size(); i >= 0; i--) {
            assertThat(history.after(i)).as("state after %d of %d events", i, events.size()).isEqualTo(folded.get(i));
        }

        ReplayViewModel replay = new ReplayViewModel(TaskExecutor.synchronous(), () -> 0L);
        replay.show(replayed, false);
        for (SessionRecording.Entry entry : replayed.entries()) {
            replay.seek(entry.at());
            assertThat(replay.state()).isEqualTo(folded.get(replayed.countUpTo(entry.at())));
        }

        int electionStart = indexOf(events, oldLeader);
        TeachingState before = folded.get(electionStart);
        assertThat(before.leaderId()).isEqualTo(oldLeader);
        assertThat(before.nodes().get(newLeader).role()).isEqualTo(Role.FOLLOWER);
        TeachingState after = folded.get(events.size());
        assertThat(after.leaderId()).isEqualTo(newLeader);
        assertThat(after.nodes().get(oldLeader).alive()).isFalse();
    }

    /** Index of the first survivor event that starts the election (a survivor turns LOOKING). */
    private static int indexOf(List<ClusterEvent> events, long oldLeader) {
        for (int i = 0; i < events.size(); i++) {
            ClusterEvent ev = events.get(i);
            if (ev.server() != oldLeader && ev.type().equals("StateChanged") && ev.text("to").equals("LOOKING")) {
                return i;
            }
        }
        throw new AssertionError("no election in the recording");
    }
}
