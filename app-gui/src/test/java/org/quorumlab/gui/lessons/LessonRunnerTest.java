package org.quorumlab.gui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every bundled lesson, run headlessly against a real cluster of node processes (launcher, data in
 * a temp dir, ephemeral ports): each step's action must succeed, or fail where the lesson says it
 * fails. Slow motion is capped at 3x to keep the run short; the teaching API is still called.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LessonRunnerTest {

    private static final Logger LOG = LoggerFactory.getLogger(LessonRunnerTest.class);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static LessonActions actions;
    static LessonRunner runner;

    @BeforeAll
    static void setUp() {
        actions = new LessonActions(LessonSettings.fast(dir.resolve("cluster")),
                RecipeDemoRunner.factory(new SplittableRandom(42)), new SplittableRandom(7));
        runner = new LessonRunner(actions, LOG::info);
    }

    @AfterAll
    static void tearDown() {
        if (actions != null) {
            actions.close();
        }
    }

    static Stream<Lesson> lessons() {
        return LessonCatalog.bundled().lessons().stream();
    }

    @Test
    void theCatalogHoldsTheSixWorkshopLessons() {
        assertThat(LessonCatalog.bundled().lessons()).extracting(Lesson::id).hasSize(6)
                .allMatch(id -> id.matches("0[1-6]-.*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyStepRunsAgainstARealCluster(Lesson lesson) {
        LessonRunner.LessonReport report = runner.run(lesson);
        LOG.info(report.describe());
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.steps()).hasSize(lesson.steps().size());
    }

    @Test
    void aPausedClusterMakesProgressWhenStepped_andAnUnexpectedSuccessStopsTheRun() throws IOException {
        Lesson lesson = testLesson("90-paused-progress");
        LessonRunner.LessonReport report = runner.run(lesson);
        LOG.info(report.describe());
        List<LessonRunner.StepReport> steps = report.steps();
        assertThat(steps).as(report.describe()).hasSize(10);
        assertThat(steps.subList(0, 9)).as(report.describe()).allMatch(s -> s.outcome().asExpected());
        assertThat(steps.get(5).outcome().text()).startsWith("wrote \"stepped through\" to /paused/value")
                .contains("through node 1").containsPattern("paused: stepped \\d+ held messages");
        assertThat(steps.get(6).outcome().text()).contains("node 2 read /paused/value = \"stepped through\"");
        assertThat(steps.get(8).outcome().text()).startsWith("restarted node 3; it serves as ");
        assertThat(steps.get(9).outcome().kind()).isEqualTo(StepOutcome.Kind.SUCCEEDED_UNEXPECTEDLY);
        assertThat(report.passed()).isFalse();
    }

    static Lesson testLesson(String id) throws IOException {
        try (InputStream in = LessonRunnerTest.class.getResourceAsStream(id + ".json")) {
            return LessonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json");
        }
    }
}
