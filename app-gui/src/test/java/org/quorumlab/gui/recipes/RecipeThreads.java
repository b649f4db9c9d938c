package org.quorumlab.gui.recipes;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** Helpers shared by the recipe tests. */
final class RecipeThreads {

    /** Always the shortest hold and pause, so runs are quick and repeatable. */
    static final RandomGenerator SHORTEST = () -> 0L;

    private RecipeThreads() {
    }

    /** Live threads belonging to simulated clients (their own, Curator's and ZooKeeper's). */
    static List<String> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(RecipeClient.THREAD_PREFIX)).sorted().toList();
    }

    static void awaitNoneLeft() {
        await().atMost(Duration.ofSeconds(20)).until(() -> live().isEmpty());
    }

    static long count(RecipeDemo demo, String state) {
        return demo.clients().stream().filter(c -> c.state().equals(state)).count();
    }
}
