package org.quorumlab.gui.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipeTest {

    @Test
    void lessonNamesMapToRecipes() {
        assertThat(Recipe.fromLessonName("lock")).isEqualTo(Recipe.LOCK);
        assertThat(Recipe.fromLessonName("leaderLatch")).isEqualTo(Recipe.LEADER_LATCH);
        assertThat(Recipe.fromLessonName(" queue ")).isEqualTo(Recipe.QUEUE);
        assertThat(Recipe.fromLessonName("config")).isEqualTo(Recipe.CONFIG);
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> Recipe.fromLessonName("barrier")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown recipe 'barrier'; valid: lock, leaderLatch, queue, config");
        assertThatThrownBy(() -> Recipe.fromLessonName(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid: lock, leaderLatch, queue, config");
    }
}
