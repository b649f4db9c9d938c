package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition a minority node through the admin API: it stops serving, the majority writes on; heal: it catches up. */
class FaultInjectionTest {

    @TempDir
    Path dir;

    @Test
    void partitionedMinorityStopsServingAndCatchesUpAfterHeal() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3).startAll()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0
                    && e.servers.values().stream().noneMatch(s -> s.mode().equals("looking")));
            long leader = e.leaderId();
            long minority = leader == 3 ? 2 : 3;
            long other = 6 - leader - minority;
            String groups = leader + "," + other + "|" + minority;
            for (long id = 1; id <= 3; id++) {
                JsonNode state = AdminClient.post(e.server(id).adminPort(), "/faults/partition",
                        "groups=" + java.net.URLEncoder.encode(groups, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(state.get("blocked").toString()).isEqualTo(id == minority
                        ? "[" + Math.min(leader, other) + "," + Math.max(leader, other) + "]" : "[" + minority + "]");
            }
            int minorityAdmin = e.server(minority).adminPort();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> AdminClient.command(minorityAdmin, "monitor").get("server_state").asText(),
                            "looking"::equals);
            assertThat(AdminClient.fourLetter(e.server(minority).port(), "mntr"))
                    .startsWith(FourLetterWords.NOT_SERVING);
            try (ZooKeeper isolated = new ZooKeeper(e.connectString(minority), 10_000, ev -> { })) {
                assertThatThrownBy(() -> isolated.create("/lost", null, ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT)).isInstanceOf(KeeperException.ConnectionLossException.class);
            }

            try (ZooKeeper majority = AdminEnsemble.connect(e.connectString(leader, other))) {
                for (int i = 0; i < 20; i++) {
                    majority.create("/during-partition-" + i, ("v" + i).getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
            }
            assertThat(e.server(minority).mode()).isEqualTo("looking");
            JsonNode faults = AdminClient.command(e.server(minority).adminPort(), "ruok"); // still answers
            assertThat(faults.get("error").isNull()).isTrue();

            for (long id : List.of(1L, 2L, 3L)) {
                JsonNode healed = AdminClient.post(e.server(id).adminPort(), "/faults/heal", "");
                assertThat(healed.get("blocked")).isEmpty();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> e.server(minority).mode().equals("follower"));
            try (ZooKeeper caughtUp = AdminEnsemble.connect(e.connectString(minority))) {
                assertThat(new String(caughtUp.getData("/during-partition-19", false, null))).isEqualTo("v19");
            }
        }
    }

    @Test
    void dropAndDelayAreReportedAndValidated() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3).startAll()) {
            int admin = e.server(1).adminPort();
            AdminClient.post(admin, "/faults/drop?to=2&percent=30", "");
            AdminClient.post(admin, "/faults/delay", "to=3&ms=200");
            JsonNode state = AdminClient.JSON.readTree(AdminClient.get(admin, "/faults").body());
            assertThat(state.get("dropPercent").get("2").asDouble()).isEqualTo(30.0);
            assertThat(state.get("delayMs").get("3").asLong()).isEqualTo(200);
            assertThat(e.server(1).zab().transport().faults().dropRates().get(2L)).isEqualTo(0.3);
            assertThat(AdminClient.get(admin, "/faults/drop?to=2&percent=300").statusCode()).isEqualTo(405);
            assertThatThrownBy(() -> AdminClient.post(admin, "/faults/drop", "to=2&percent=300"))
                    .hasMessageContaining("400");
            AdminClient.post(admin, "/faults/heal", "");
            assertThat(e.server(1).zab().transport().faults().delays()).isEmpty();
        }
    }
}
