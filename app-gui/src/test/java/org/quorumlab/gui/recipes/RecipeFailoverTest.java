package org.quorumlab.gui.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.cluster.TestEnsemble;

/** Killing the server a client is connected to: its session moves to a survivor and the lock keeps working. */
class RecipeFailoverTest {

    @TempDir
    Path dir;

    @Test
    void lockKeepsWorkingWhenAClientsServerIsKilled() throws Exception {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3).startAll();
                RecipeDemo demo = new RecipeDemo(ensemble.connectString(), RecipeThreads.SHORTEST)) {
            await().atMost(Duration.ofSeconds(60)).until(ensemble::settled);
            demo.start(Recipe.LOCK, 5);
            ClientBoard board = demo.currentRun().board();
            await().atMost(Duration.ofSeconds(45)).until(() -> IntStream.rangeClosed(1, 5).allMatch(i -> board.grantsOf(i) >= 1)
                    && !demo.connectedServer(1).isEmpty());
            String server = demo.connectedServer(1);
            long victim = ensemble.idOfClientPort(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
            assertThat(victim).as("client 1's server %s is a member", server).isPositive();
            long[] before = IntStream.rangeClosed(1, 5).mapToLong(board::grantsOf).toArray();

            ensemble.stop(victim);

            await().atMost(Duration.ofSeconds(60)).until(() -> IntStream.rangeClosed(1, 5)
                    .allMatch(i -> board.grantsOf(i) > before[i - 1]));
            assertThat(board.troublesOf(1)).as("client 1 saw its connection suspended").isPositive();
            await().atMost(Duration.ofSeconds(20)).until(() -> demo.clients().stream().noneMatch(c ->
                    c.state().equals(ClientBoard.SUSPENDED) || c.state().equals(ClientBoard.LOST)));
            assertThat(demo.connectedServer(1)).isNotEmpty().isNotEqualTo(server);
            assertThat(board.maxClaims()).isEqualTo(1);
            assertThat(demo.summary().safe()).isTrue();
        }
        RecipeThreads.awaitNoneLeft();
    }

    @Test
    void leaderLatchElectsOneLeaderAgainWhenTheLeadersServerIsKilled() throws Exception {
        try (TestEnsemble ensemble = new TestEnsemble(dir, 3).startAll();
                RecipeDemo demo = new RecipeDemo(ensemble.connectString(), RecipeThreads.SHORTEST)) {
            await().atMost(Duration.ofSeconds(60)).until(ensemble::settled);
            demo.start(Recipe.LEADER_LATCH, 4);
            ClientBoard board = demo.currentRun().board();
            await().atMost(Duration.ofSeconds(30)).until(() -> board.claimants().size() == 1
                    && !demo.connectedServer(board.claimants().get(0)).isEmpty());
            int leader = board.claimants().get(0);
            String server = demo.connectedServer(leader);
            long grantsBefore = board.grants();

            ensemble.stop(ensemble.idOfClientPort(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1))));

            await().atMost(Duration.ofSeconds(60)).until(() -> board.troublesOf(leader) > 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> RecipeThreads.count(demo, LatchClient.LEADER) == 1
                    && RecipeThreads.count(demo, LatchClient.FOLLOWER) == 3 && board.claimants().size() == 1);
            assertThat(board.grants()).as("leadership was given up while suspended and granted again")
                    .isGreaterThan(grantsBefore);
            assertThat(board.maxClaims()).isEqualTo(1);
        }
        RecipeThreads.awaitNoneLeft();
    }
}
