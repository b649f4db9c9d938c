package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quorumlab.gui.teaching.TeachingEvents.ev;
import static org.quorumlab.gui.teaching.TeachingEvents.hello;
import static org.quorumlab.gui.teaching.TeachingEvents.sent;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.admin.ClusterEvent;

class RecordingFileTest {

    private static final long T = 1_764_115_200_000L;

    @TempDir
    Path dir;

    private static SessionRecording sample() {
        SessionRecording r = new SessionRecording();
        r.add(T, hello(T - 3, 1, "leader", 5, 1));
        r.add(T + 5, sent(T + 2, 1, 1, 2, "PROPOSAL", "0x500000001", null));
        r.add(T + 9, ev(T + 8, 2, "VoteSent", "\"vote\":{\"leaderId\":2,\"zxid\":\"0x500000007\",\"electionEpoch\":3,"
                + "\"peerEpoch\":5,\"state\":\"LOOKING\"},\"recipients\":[1,3],\"note\":\"caf\u00e9 \\\"quoted\\\"\""));
        r.add(T + 12, SyntheticEvents.nodeDown(3, T + 11));
        return r;
    }

    private static List<Object> comparable(SessionRecording r) {
        return r.entries().stream().map(e -> (Object) List.of(e.at(), e.event().ts(), e.event().server(),
                e.event().type(), e.event().fields())).toList();
    }

    @Test
    void exportThenImportGivesTheSameEntriesAndStates() throws IOException {
        SessionRecording original = sample();
        Path file = dir.resolve("s" + RecordingFile.EXTENSION);
        RecordingFile.write(original, file);
        SessionRecording back = RecordingFile.read(file);

        assertThat(comparable(back)).isEqualTo(comparable(original));
        assertThat(Files.readAllLines(file)).hasSize(5).first().asString().contains("quorumlab-recording");
        assertThat(TeachingReducer.reduceAll(TeachingState.EMPTY, back.events()))
                .isEqualTo(TeachingReducer.reduceAll(TeachingState.EMPTY, original.events()));
        // and a second round trip is byte-identical
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        RecordingFile.write(original, first);
        RecordingFile.write(back, second);
        assertThat(second.toString()).isEqualTo(first.toString());
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() throws IOException {
        StringWriter w = new StringWriter();
        RecordingFile.write(sample(), w);
        String[] lines = w.toString().split("\n");
        lines[3] = lines[3].substring(0, lines[3].length() - 5);
        String broken = String.join("\n", lines) + "\n";

        assertThatThrownBy(() -> RecordingFile.read(new StringReader(broken), "lesson1.qlrec"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("lesson1.qlrec line 4: not valid JSON");
    }

    @Test
    void entriesWithoutTimeOrEventOrTypeAreRejectedNamingTheLine() {
        String header = "{\"format\":\"quorumlab-recording\",\"version\":1}\n";
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(header + "\n{\"event\":{\"type\":\"Hello\"}}\n"),
                "a.qlrec")).hasMessage("a.qlrec line 3: missing or non-numeric \"at\"");
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(header + "{\"at\":1,\"event\":{\"ts\":1}}\n"),
                "b.qlrec")).hasMessageStartingWith("b.qlrec line 2: event without a type");
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(header + "{\"at\":1}\n"), "c.qlrec"))
                .hasMessage("c.qlrec line 2: missing \"event\" object");
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(header + "[1,2]\n"), "d.qlrec"))
                .hasMessage("d.qlrec line 2: expected a JSON object");
    }

    @Test
    void aFileThatIsNoRecordingIsRejected() {
        assertThatThrownBy(() -> RecordingFile.read(new StringReader("{\"ts\":1,\"type\":\"Hello\"}\n"), "events.json"))
                .hasMessageStartingWith("events.json line 1: not a QuorumLab recording");
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(""), "empty.qlrec"))
                .hasMessage("empty.qlrec: empty file, not a QuorumLab recording");
        assertThatThrownBy(() -> RecordingFile.read(new StringReader(
                "{\"format\":\"quorumlab-recording\",\"version\":9}\n"), "new.qlrec"))
                .hasMessage("new.qlrec line 1: unsupported recording version 9");
    }

    @Test
    void arrivalTimesNeverRunBackwards() {
        SessionRecording r = new SessionRecording();
        ClusterEvent e = hello(T, 1, "leader", 1, 1);
        r.add(T + 10, e);
        r.add(T + 5, e);
        assertThat(r.entries()).extracting(SessionRecording.Entry::at).containsExactly(T + 10, T + 10);
        assertThat(r.countUpTo(T + 9)).isZero();
        assertThat(r.countUpTo(T + 10)).isEqualTo(2);
    }
}
