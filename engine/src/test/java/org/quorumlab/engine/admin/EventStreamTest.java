package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.admin.EventStream.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code /events} WebSocket of a 3-node ensemble shows the election after the leader stops. */
class EventStreamTest {

    @TempDir
    Path dir;

    @Test
    void survivorsStreamTheElectionOfANewEpochAfterTheLeaderStops() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3).startAll()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0
                    && e.servers.values().stream().noneMatch(s -> s.mode().equals("looking")));
            long leader = e.leaderId();
            long oldEpoch = e.server(leader).zab().epoch();
            List<EventStream> streams = new ArrayList<>();
            try {
                for (long id = 1; id <= 3; id++) {
                    if (id != leader) {
                        EventStream s = new EventStream(e.server(id).adminPort());
                        JsonNode hello = s.await(type("Hello"), 10);
                        assertThat(hello.get("server").asLong()).isEqualTo(id);
                        assertThat(hello.get("leaderId").asLong()).isEqualTo(leader);
                        streams.add(s);
                    }
                }
                e.stop(leader);
                for (EventStream s : streams) {
                    JsonNode looking = s.await(ev -> type("StateChanged").test(ev)
                            && ev.get("to").asText().equals("LOOKING"), 20);
                    assertThat(looking.get("ts").asLong()).isPositive();
                    s.await(type("VoteSent"), 20);
                    JsonNode role = s.await(ev -> type("RoleChanged").test(ev)
                            && !ev.get("role").asText().equals("LOOKING"), 30);
                    assertThat(role.get("epoch").asLong()).isGreaterThan(oldEpoch);
                    assertThat(role.get("leaderId").asLong()).isNotEqualTo(leader);
                }
                long newLeader = e.leaderId();
                EventStream leaderStream = streams.get(newLeader < leader ? (int) newLeader - 1 : (int) newLeader - 2);
                JsonNode established = leaderStream.all.stream().filter(type("LeaderEstablished")).findFirst()
                        .orElseThrow(() -> new AssertionError("no LeaderEstablished on the new leader's stream"));
                assertThat(established.get("server").asLong()).isEqualTo(newLeader);
                assertThat(established.get("epoch").asLong()).isGreaterThan(oldEpoch);
                assertThat(established.get("lastZxid").asText()).startsWith("0x");
                assertThat(leaderStream.all.stream().filter(type("SyncModeChosen")).count()).isPositive();
                assertThat(leaderStream.await(type("LoadSample"), 5).has("p99Ms")).isTrue();
            } finally {
                streams.forEach(EventStream::close);
            }
        }
    }
}
