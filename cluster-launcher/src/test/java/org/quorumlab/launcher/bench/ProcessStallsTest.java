package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStallsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheLongestStallAndTheConnectionsClosedWithoutALeaderFromANodeLog() throws Exception {
        // Lines as the engine writes them (ZabHost, LeaderWait, RequestPipeline).
        Path log = dir.resolve("log");
        Files.write(log, List.of(
                "12:54:02.018 WARN  [ticker-1] o.q.e.r.ZabHost - Server 1: consensus clock stalled for 943 ms (process not scheduled)",
                "12:54:03.042 WARN  [ticker-1] o.q.e.r.ZabHost - Server 1: consensus clock stalled for 1886 ms (process not scheduled)",
                "12:54:04.520 INFO  [request-pipeline-1] o.q.e.s.LeaderWait - No leader for 1450 ms: closed 3 client connection(s) that cannot wait longer",
                "12:54:09.001 INFO  [request-pipeline-1] o.q.e.s.RequestPipeline - No leader for 2001 ms: closed 2 client connection(s) that cannot wait longer (all)",
                "12:54:09.002 INFO  [request-pipeline-1] o.q.e.s.LeaderWait - Serving again after 31 ms without a leader: replaying 64 held requests"));
        assertThat(ProcessStalls.longestIn(log)).isEqualTo(1886);
        assertThat(ProcessStalls.closedIn(log)).isEqualTo(5);
    }

    @Test
    void aMissingLogIsReportedAsUnknownNotAsZero() {
        assertThat(ProcessStalls.closedIn(dir.resolve("absent"))).isEqualTo(-1);
        assertThat(ProcessStalls.longestIn(dir.resolve("absent"))).isEqualTo(-1);
    }
}
