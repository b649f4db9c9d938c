package org.quorumlab.gui.lessons;

import java.util.List;

/**
 * What the {@code runRecipe} action needs from the recipes demo (gui.recipes): simulated clients,
 * each a real Curator session, running one recipe against the lesson cluster.
 */
public interface RecipeRunner extends AutoCloseable {

    /**
     * Starts {@code clients} clients running the recipe named as in lesson files ({@code lock},
     * {@code leaderLatch}, {@code queue}, {@code config}), stopping a running demo first.
     *
     * @throws IllegalArgumentException for an unknown recipe name
     */
    void start(String recipe, int clients);

    /** The state of every client right now, in client order (e.g. "HOLDING", "WAITING"). */
    List<String> clientStates();

    /** One line for the audience about what the clients are doing, e.g. "client 4 holds the lock; 7 waiting". */
    String headline();

    /** Stops the clients. */
    void stop();

    @Override
    void close();

    /** Creates a runner whose clients connect to {@code connectString}. */
    @FunctionalInterface
    interface Factory {
        RecipeRunner connect(String connectString);
    }
}
