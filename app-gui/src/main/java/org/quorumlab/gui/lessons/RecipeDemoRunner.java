package org.quorumlab.gui.lessons;

import java.util.List;
import java.util.random.RandomGenerator;
import org.quorumlab.gui.recipes.Recipe;
import org.quorumlab.gui.recipes.RecipeDemo;
import org.quorumlab.gui.recipes.SimulatedClient;

/**
 * {@link RecipeRunner} over a {@link RecipeDemo} (real Curator sessions): in the console, the very
 * demo its Recipes tab shows, so what a lesson starts is what the audience sees there.
 */
public final class RecipeDemoRunner implements RecipeRunner {

    private final RecipeDemo demo;

    public RecipeDemoRunner(String connectString, RandomGenerator random) {
        this(new RecipeDemo(connectString, random));
    }

    /** A runner over an existing demo ({@link #close()} stops its clients; the demo stays usable). */
    public RecipeDemoRunner(RecipeDemo demo) {
        this.demo = demo;
    }

    /** A factory for {@link LessonActions}: every lesson cluster gets its own demo. */
    public static RecipeRunner.Factory factory(RandomGenerator random) {
        return connectString -> new RecipeDemoRunner(connectString, random);
    }

    @Override
    public void start(String recipe, int clients) {
        demo.start(Recipe.fromLessonName(recipe), clients);
    }

    @Override
    public List<String> clientStates() {
        return demo.clients().stream().map(SimulatedClient::state).toList();
    }

    @Override
    public String headline() {
        return demo.summary().headline();
    }

    @Override
    public void stop() {
        demo.stop();
    }

    @Override
    public void close() {
        demo.close();
    }
}
