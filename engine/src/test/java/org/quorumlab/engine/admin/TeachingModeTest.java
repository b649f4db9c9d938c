package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.admin.EventStream.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaching mode on a real 3-node ensemble through the admin API: a paused cluster writes only as
 * its quorum messages are stepped, one at a time, oldest first across the nodes; slow motion
 * delays each message; refusals are clear.
 */
class TeachingModeTest {

    private static final int MAX_STEPS = 200;
    /**
     * A session's pings queue behind its pending write (as in ZooKeeper), so the client must not
     * time out while its write is held: 1 s ticks allow 20 s sessions.
     */
    private static final int TICK_TIME = 1000;
    private static final int SESSION_TIMEOUT_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void pausedEnsembleWritesOnlyAsMessagesAreSteppedThenDropAndResume() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3, TICK_TIME).startAll()) {
            awaitStable(e);
            long leader = e.leaderId();
            long follower = leader == 1 ? 2 : 1;
            long other = 6 - leader - follower;
            Map<Long, EventStream> streams = streams(e);
            try (ZooKeeper zk = AdminEnsemble.connect(e.connectString(follower), SESSION_TIMEOUT_MS)) {
                zk.create("/warm-up", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                for (long id = 1; id <= 3; id++) {
                    JsonNode state = AdminClient.post(admin(e, id), "/teaching/pause", "");
                    assertThat(state.get("paused").asBoolean()).isTrue();
                    assertThat(state.get("slowFactor").asInt()).isEqualTo(1);
                    streams.get(id).await(ev -> type("TeachingChanged").test(ev)
                            && ev.get("paused").asBoolean(), 10);
                }

                CompletableFuture<String> created = createAsync(zk, "/stepped");
                await().atMost(Duration.ofSeconds(10)).until(() -> heldKinds(e, follower).contains("REQUEST"));
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !created.isDone());

                int steps = stepUntil(e, created::isDone);
                assertThat(created.get(10, TimeUnit.SECONDS)).isEqualTo("/stepped");
                assertThat(steps).isGreaterThanOrEqualTo(4);

                JsonNode proposalSent = streams.get(leader).await(ev -> type("MessageSent").test(ev)
                        && ev.get("kind").asText().equals("PROPOSAL") && ev.get("to").asLong() == follower, 10);
                assertThat(proposalSent.get("zxid").asText()).startsWith("0x");
                assertThat(proposalSent.get("deliverTs").isNull()).isTrue();
                long proposalId = proposalSent.get("id").asLong();
                streams.get(leader).await(ev -> type("MessageDelivered").test(ev)
                        && ev.get("id").asLong() == proposalId && ev.get("kind").asText().equals("PROPOSAL"), 10);
                streams.get(follower).await(ev -> type("MessageDelivered").test(ev)
                        && ev.get("kind").asText().equals("ACK") && ev.get("to").asLong() == leader, 10);
                streams.get(leader).await(ev -> type("MessageDelivered").test(ev)
                        && ev.get("kind").asText().equals("COMMIT") && ev.get("to").asLong() == follower, 10);

                // Drop the proposal of a second write to the node the client is not connected to.
                CompletableFuture<String> second = createAsync(zk, "/after-drop");
                stepUntil(e, () -> heldTo(e, leader, "PROPOSAL", other) != null);
                JsonNode victim = heldTo(e, leader, "PROPOSAL", other);
                long victimId = victim.get("id").asLong();
                JsonNode dropped = AdminClient.post(admin(e, leader), "/teaching/drop?id=" + victimId, "");
                assertThat(dropped.get("dropped").get("kind").asText()).isEqualTo("PROPOSAL");
                assertThat(ids(teaching(e, leader))).doesNotContain(victimId);
                JsonNode droppedEvent = streams.get(leader).await(ev -> type("MessageDropped").test(ev)
                        && ev.get("id").asLong() == victimId, 10);
                assertThat(droppedEvent.get("reason").asText()).isEqualTo("clicked");
                assertThat(droppedEvent.get("to").asLong()).isEqualTo(other);
                assertThat(AdminClient.postResponse(admin(e, leader), "/teaching/drop?id=" + victimId, "")
                        .statusCode()).isEqualTo(404);
                assertThat(AdminClient.postResponse(admin(e, leader), "/teaching/release?id=" + victimId, "")
                        .statusCode()).isEqualTo(404);

                for (long id = 1; id <= 3; id++) {
                    JsonNode state = AdminClient.post(admin(e, id), "/teaching/resume", "");
                    assertThat(state.get("paused").asBoolean()).isFalse();
                    assertThat(state.get("held")).isEmpty();
                }
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("/after-drop");
                zk.create("/normal-again", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } finally {
                streams.values().forEach(EventStream::close);
            }
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                try (ZooKeeper zk = AdminEnsemble.connect(e.connectString(other))) {
                    zk.sync("/", null, null);
                    return zk.exists("/normal-again", false) != null && zk.exists("/after-drop", false) != null;
                }
            });
        }
    }

    @Test
    void slowMotionDelaysEveryMessageAndBadParametersAreRefused() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3, TICK_TIME).startAll()) {
            awaitStable(e);
            long leader = e.leaderId();
            long follower = leader == 1 ? 2 : 1;
            int adminPort = admin(e, leader);
            assertRefused(adminPort, "/teaching/speed?factor=0", 400, "1..1000");
            assertRefused(adminPort, "/teaching/speed?factor=1001", 400, "1..1000");
            assertRefused(adminPort, "/teaching/speed?factor=abc", 400, "abc");
            assertRefused(adminPort, "/teaching/speed", 400, "factor");
            assertRefused(adminPort, "/teaching/release?id=4711", 404, "4711");
            assertRefused(adminPort, "/teaching/drop?id=x", 400, "id");
            assertRefused(adminPort, "/teaching/step", 409, "nothing held");
            assertRefused(adminPort, "/teaching/rewind", 404, "unknown teaching action");
            assertThat(AdminClient.get(adminPort, "/teaching/speed?factor=2").statusCode()).isEqualTo(405);
            JsonNode unchanged = teaching(e, leader);
            assertThat(unchanged.get("slowFactor").asInt()).isEqualTo(1);
            assertThat(unchanged.get("messageDelayMs").asLong()).isZero();

            Map<Long, EventStream> streams = streams(e);
            try (ZooKeeper zk = AdminEnsemble.connect(e.connectString(follower), SESSION_TIMEOUT_MS)) {
                for (long id = 1; id <= 3; id++) {
                    JsonNode state = AdminClient.post(admin(e, id), "/teaching/speed?factor=21", "");
                    assertThat(state.get("messageDelayMs").asLong()).isEqualTo(200);
                    streams.get(id).await(ev -> type("TeachingChanged").test(ev)
                            && ev.get("slowFactor").asInt() == 21, 10);
                }
                long start = System.nanoTime();
                zk.create("/slow-motion", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(elapsedMs).as("REQUEST, PROPOSAL, ACK and COMMIT each held 200 ms")
                        .isGreaterThanOrEqualTo(800);
                JsonNode sent = streams.get(leader).await(ev -> type("MessageSent").test(ev)
                        && ev.get("kind").asText().equals("PROPOSAL"), 10);
                long published = sent.get("ts").asLong();
                assertThat(sent.get("deliverTs").asLong()).isBetween(published + 100, published + 200);

                for (long id = 1; id <= 3; id++) {
                    JsonNode state = AdminClient.post(admin(e, id), "/teaching/speed", "factor=1");
                    assertThat(state.get("messageDelayMs").asLong()).isZero();
                    assertThat(state.get("held")).isEmpty();
                }
                zk.create("/real-time", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } finally {
                streams.values().forEach(EventStream::close);
            }
        }
    }

    @Test
    void leaderKeepsAbandonedSessionsWhileSlowedAndExpiresThemAtRealTime() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 3).startAll()) {
            awaitStable(e);
            long leader = e.leaderId();
            for (long id = 1; id <= 3; id++) {
                AdminClient.post(admin(e, id), "/teaching/speed?factor=2", "");
            }
            ZooKeeper abandoned = AdminEnsemble.connect(e.connectString(leader), 1_000);
            long session = abandoned.getSessionId();
            abandoned.create("/owned-by-abandoned", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            // Drops the connection without closeSession, as a crashed client would.
            abandoned.getTestable().injectSessionExpiration();

            await().during(Duration.ofMillis(3_000)).atMost(Duration.ofSeconds(5))
                    .until(() -> sessions(e, leader).containsKey(session));

            for (long id = 1; id <= 3; id++) {
                AdminClient.post(admin(e, id), "/teaching/speed?factor=1", "");
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> !sessions(e, leader).containsKey(session));
            try (ZooKeeper zk = AdminEnsemble.connect(e.connectString(leader))) {
                assertThat(zk.exists("/owned-by-abandoned", false)).isNull();
            }
        }
    }

    @Test
    void standaloneServerRefusesTeachingMode() throws Exception {
        try (AdminEnsemble e = new AdminEnsemble(dir, 1).startAll()) {
            assertThat(AdminClient.get(admin(e, 1), "/teaching").statusCode()).isEqualTo(409);
            assertRefused(admin(e, 1), "/teaching/pause", 409, "standalone");
        }
    }

    // ------------------------------------------------------------ helpers

    private static void awaitStable(AdminEnsemble e) {
        await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0
                && e.servers.values().stream().noneMatch(s -> s.mode().equals("looking")));
    }

    private static Map<Long, Integer> sessions(AdminEnsemble e, long id) throws Exception {
        return e.server(id).pipeline().sessionsView().get(10, TimeUnit.SECONDS);
    }

    private static int admin(AdminEnsemble e, long id) {
        return e.server(id).adminPort();
    }

    private static Map<Long, EventStream> streams(AdminEnsemble e) throws Exception {
        Map<Long, EventStream> out = new TreeMap<>();
        for (long id : e.servers.keySet()) {
            EventStream s = new EventStream(admin(e, id));
            s.await(type("Hello"), 10);
            out.put(id, s);
        }
        return out;
    }

    private static CompletableFuture<String> createAsync(ZooKeeper zk, String path) {
        CompletableFuture<String> f = new CompletableFuture<>();
        zk.create(path, new byte[] {1}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
            if (rc == 0) {
                f.complete(name);
            } else {
                f.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), p));
            }
        }, null);
        return f;
    }

    private static JsonNode teaching(AdminEnsemble e, long id) throws Exception {
        HttpResponse<String> r = AdminClient.get(admin(e, id), "/teaching");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return AdminClient.JSON.readTree(r.body());
    }

    private static List<Long> ids(JsonNode state) {
        List<Long> out = new ArrayList<>();
        state.get("held").forEach(h -> out.add(h.get("id").asLong()));
        return out;
    }

    private static Set<String> heldKinds(AdminEnsemble e, long id) throws Exception {
        Set<String> kinds = new java.util.HashSet<>();
        teaching(e, id).get("held").forEach(h -> kinds.add(h.get("kind").asText()));
        return kinds;
    }

    private static JsonNode heldTo(AdminEnsemble e, long id, String kind, long to) throws Exception {
        for (JsonNode h : teaching(e, id).get("held")) {
            if (h.get("kind").asText().equals(kind) && h.get("to").asLong() == to) {
                return h;
            }
        }
        return null;
    }

    /**
     * Releases the oldest held message across the ensemble (by sentTs) until {@code done}: what the
     * console's "step" does. A released message makes its receiver send the next ones, so each step
     * waits until something is held again.
     */
    private static int stepUntil(AdminEnsemble e, CheckedCondition done) throws Exception {
        int steps = 0;
        while (!done.met()) {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(10))
                    .until(() -> done.met() || oldestHeld(e) != null);
            if (done.met()) {
                break;
            }
            Map.Entry<Long, JsonNode> oldest = oldestHeld(e);
            JsonNode released = AdminClient.post(admin(e, oldest.getKey()),
                    "/teaching/release?id=" + oldest.getValue().get("id").asLong(), "");
            assertThat(released.get("released").get("id")).isEqualTo(oldest.getValue().get("id"));
            assertThat(++steps).as("steps before the condition held").isLessThan(MAX_STEPS);
        }
        return steps;
    }

    /** Server id and held message with the smallest sentTs, or null when nothing is held anywhere. */
    private static Map.Entry<Long, JsonNode> oldestHeld(AdminEnsemble e) throws Exception {
        Map.Entry<Long, JsonNode> best = null;
        for (long id : e.servers.keySet()) {
            JsonNode held = teaching(e, id).get("held");
            if (!held.isEmpty()) {
                JsonNode first = held.get(0);
                if (best == null || first.get("sentTs").asLong() < best.getValue().get("sentTs").asLong()) {
                    best = Map.entry(id, first);
                }
            }
        }
        return best;
    }

    private static void assertRefused(int adminPort, String path, int status, String messagePart) throws Exception {
        HttpResponse<String> r = AdminClient.postResponse(adminPort, path, "");
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(status);
        assertThat(AdminClient.JSON.readTree(r.body()).get("error").asText()).contains(messagePart);
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean met() throws Exception;
    }
}
