package org.quorumlab.gui.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.common.TaskExecutor;

/** The Recipes tab's ViewModel against a real single server, with the synchronous executor. */
class RecipesViewModelTest extends ServerBackedTest {

    RecipeDemo demo;
    RecipesViewModel vm;

    @BeforeEach
    void create() {
        demo = new RecipeDemo(server.connectString(), RecipeThreads.SHORTEST);
        vm = new RecipesViewModel(demo, TaskExecutor.synchronous());
    }

    @AfterEach
    void close() {
        vm.close();
        RecipeThreads.awaitNoneLeft();
    }

    @Test
    void lockDemoShowsHolderWaitersAndTheSafetyCheck() {
        vm.recipeProperty().set(Recipe.LOCK);
        vm.clientCountProperty().set(" 3 ");
        vm.start();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.clients()).hasSize(3).extracting(ClientRow::index).containsExactly(1, 2, 3);
        ClientRow first = vm.clients().get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            vm.refresh();
            return vm.clients().stream().filter(r -> r.state().equals(LockClient.HOLDING)).count() == 1
                    && vm.clients().stream().filter(r -> r.state().equals(LockClient.WAITING)).count() == 2
                    && vm.headlineProperty().get().matches("client \\d holds the lock; 2 waiting; \\d+ acquisitions");
        });
        assertThat(vm.clients().get(0)).as("rows are updated in place").isSameAs(first);
        assertThat(vm.clients()).allMatch(r -> r.server().equals(server.connectString()));
        assertThat(vm.safetyProperty().get()).startsWith("max 1 holder at a time observed (must never exceed 1)");
        assertThat(vm.safeProperty().get()).isTrue();

        vm.stop();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.clients()).allMatch(r -> r.state().equals(ClientBoard.STOPPED));
        assertThat(RecipeThreads.live()).isEmpty();
    }

    @Test
    void badClientCountsGiveAClearErrorAndStartNothing() {
        for (String bad : new String[] {"0", "51", "five", ""}) {
            vm.clientCountProperty().set(bad);
            vm.start();
            assertThat(vm.errorProperty().get()).as(bad).startsWith("clients must be");
            assertThat(vm.runningProperty().get()).isFalse();
        }
        vm.clientCountProperty().set("0");
        vm.start();
        assertThat(vm.errorProperty().get()).isEqualTo("clients must be between 1 and 50, not 0");
        vm.clientCountProperty().set("51");
        vm.start();
        assertThat(vm.errorProperty().get()).isEqualTo("clients must be between 1 and 50, not 51");
        vm.clientCountProperty().set("five");
        vm.start();
        assertThat(vm.errorProperty().get()).isEqualTo("clients must be a whole number between 1 and 50, not 'five'");
        assertThat(demo.clients()).isEmpty();
        assertThat(RecipeThreads.live()).isEmpty();
    }

    @Test
    void stoppingTheLeadersClientHandsLeadershipOver() {
        vm.start(Recipe.LEADER_LATCH, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            vm.refresh();
            return vm.headlineProperty().get().matches("client \\d is the leader; 2 followers.*");
        });
        int leader = vm.clients().stream().filter(r -> r.state().equals(LatchClient.LEADER)).findFirst().orElseThrow().index();

        vm.stopClient(leader);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            vm.refresh();
            return vm.clients().stream().filter(r -> r.state().equals(LatchClient.LEADER)).count() == 1
                    && vm.clients().get(leader - 1).state().equals(ClientBoard.STOPPED);
        });
        assertThat(vm.descriptionProperty().get()).contains("LeaderLatch on /recipes/latch");
    }
}
