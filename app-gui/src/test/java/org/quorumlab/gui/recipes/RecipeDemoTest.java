package org.quorumlab.gui.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.cluster.TestEnsemble;

/** Every recipe against a real in-process 3-node ensemble; each client a real Curator session. */
class RecipeDemoTest {

    @TempDir
    static Path dir;
    static TestEnsemble ensemble;
    RecipeDemo demo;

    @BeforeAll
    static void startEnsemble() throws Exception {
        ensemble = new TestEnsemble(dir, 3).startAll();
        await().atMost(Duration.ofSeconds(60)).until(ensemble::settled);
    }

    @AfterAll
    static void stopEnsemble() {
        ensemble.close();
    }

    @BeforeEach
    void newDemo() {
        demo = new RecipeDemo(ensemble.connectString(), RecipeThreads.SHORTEST);
    }

    @AfterEach
    void closeDemoAndCheckNoSessionLeaks() {
        demo.close();
        RecipeThreads.awaitNoneLeft();
    }

    @Test
    void lockHasAtMostOneHolderAndEveryClientGetsIt() {
        demo.start(Recipe.LOCK, 5);
        AtomicInteger mostHoldersSeen = new AtomicInteger();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(20)).until(() -> {
            mostHoldersSeen.accumulateAndGet((int) RecipeThreads.count(demo, LockClient.HOLDING), Math::max);
            ClientBoard board = demo.currentRun().board();
            return IntStream.rangeClosed(1, 5).allMatch(i -> board.grantsOf(i) >= 1);
        });
        assertThat(RecipeThreads.live()).as("session threads carry the client's name")
                .anyMatch(n -> n.startsWith("recipe-client-1-") && n.contains("SendThread"))
                .anyMatch(n -> n.startsWith("recipe-client-1-curator-"));
        assertThat(mostHoldersSeen.get()).isEqualTo(1);
        assertThat(demo.currentRun().board().maxClaims()).isEqualTo(1);
        DemoSummary s = demo.summary();
        assertThat(s.safe()).isTrue();
        assertThat(s.safety()).startsWith("max 1 holder at a time observed");
        assertThat(s.headline()).containsPattern("\\d+ acquisitions");

        demo.stop();
        assertThat(demo.isRunning()).isFalse();
        assertThat(demo.clients()).hasSize(5).allMatch(c -> c.state().equals(ClientBoard.STOPPED));
        assertThat(demo.currentRun().board().claimants()).isEmpty();
    }

    @Test
    void leaderLatchHasOneLeaderAndANewOneTakesOverWhenItsClientStops() {
        demo.start(Recipe.LEADER_LATCH, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> RecipeThreads.count(demo, LatchClient.LEADER) == 1
                && RecipeThreads.count(demo, LatchClient.FOLLOWER) == 3);
        int leader = onlyLeader();
        assertThat(demo.summary().headline()).startsWith("client " + leader + " is the leader; 3 followers");

        demo.stopClient(leader);

        await().atMost(Duration.ofSeconds(30)).until(() -> RecipeThreads.count(demo, LatchClient.LEADER) == 1
                && RecipeThreads.count(demo, LatchClient.FOLLOWER) == 2);
        assertThat(onlyLeader()).isNotEqualTo(leader);
        assertThat(demo.clients().get(leader - 1).state()).isEqualTo(ClientBoard.STOPPED);
        assertThat(demo.currentRun().board().maxClaims()).isEqualTo(1);
        assertThat(demo.currentRun().board().grants()).isEqualTo(2);
    }

    private int onlyLeader() {
        List<SimulatedClient> leaders = demo.clients().stream().filter(c -> c.state().equals(LatchClient.LEADER)).toList();
        assertThat(leaders).hasSize(1);
        return leaders.get(0).index();
    }

    @Test
    void queueDeliversEveryProducedItemExactlyOnce() {
        demo.start(Recipe.QUEUE, 4);
        QueueLedger ledger = demo.currentRun().ledger();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.producedCount() >= 30 && ledger.consumedCount() >= 10);
        assertThat(demo.clients()).extracting(SimulatedClient::state)
                .containsExactly(QueueClient.PRODUCING, QueueClient.CONSUMING, QueueClient.PRODUCING, QueueClient.CONSUMING);

        demo.stopClient(1);
        demo.stopClient(3);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.waiting() == 0);
        assertThat(ledger.consumedCount()).isEqualTo(ledger.producedCount());
        assertThat(ledger.duplicates()).isZero();
        assertThat(ledger.unknown()).isZero();
        assertThat(demo.summary().headline()).contains("in the queue 0");
        assertThat(demo.summary().safe()).isTrue();
    }

    @Test
    void configWatchersConvergeOnTheLatestVersion() {
        demo.start(Recipe.CONFIG, 4);
        ConfigFeed feed = demo.currentRun().feed();
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.latest() >= 3 && feed.seen().size() == 3);
        assertThat(demo.clients().get(0).state()).isEqualTo(ConfigClient.WRITING);

        demo.stopClient(1);
        int latest = feed.latest();

        await().atMost(Duration.ofSeconds(20)).until(() -> feed.seen().values().stream().allMatch(v -> v == latest)
                && demo.clients().stream().skip(1).allMatch(c -> c.detail().startsWith("sees v" + latest + "; 0 versions behind")));
        assertThat(demo.summary().headline()).startsWith("latest config v" + latest + "; 3 of 3 watchers see it");
    }

    @Test
    void badClientCountsAreRefusedAndStartNothing() {
        assertThatThrownBy(() -> demo.start(Recipe.LOCK, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clients must be between 1 and 50, not 0");
        assertThatThrownBy(() -> demo.start(Recipe.LOCK, 51)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clients must be between 1 and 50, not 51");
        assertThat(demo.clients()).isEmpty();
        assertThat(demo.isRunning()).isFalse();
        assertThat(RecipeThreads.live()).isEmpty();
    }

    @Test
    void stoppingWhileNoServerAnswersStillClosesEverySession() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (RecipeDemo unreachable = new RecipeDemo("127.0.0.1:" + deadPort, RecipeThreads.SHORTEST)) {
            unreachable.start(Recipe.LOCK, 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> RecipeThreads.count(unreachable, ClientBoard.CONNECTING) == 3);
            assertThat(unreachable.summary().headline()).isEqualTo("nobody holds the lock; 0 waiting; 0 acquisitions; 3 connecting");
            long t0 = System.nanoTime();
            unreachable.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            assertThat(unreachable.clients()).allMatch(c -> c.state().equals(ClientBoard.STOPPED));
        }
    }

    @Test
    void startingAgainReplacesTheRunningDemo() {
        demo.start(Recipe.LOCK, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> demo.currentRun().board().grants() >= 1);
        demo.start(Recipe.LEADER_LATCH, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> RecipeThreads.count(demo, LatchClient.LEADER) == 1);
        assertThat(demo.recipe()).isEqualTo(Recipe.LEADER_LATCH);
        assertThat(demo.clients()).hasSize(2);
        assertThat(RecipeThreads.live()).noneMatch(n -> n.startsWith("recipe-client-3"));
    }
}
