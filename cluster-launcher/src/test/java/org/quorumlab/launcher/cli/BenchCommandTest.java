package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.LauncherException;

/** Bad options of {@code quorumlab bench} are refused in one line, before anything starts. */
class BenchCommandTest {

    @Test
    void badStabilityOptionsAreOneClearLine() {
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"stability", "--cycles", "many"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--cycles needs a whole number, got 'many' (usage: quorumlab bench stability")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"stability", "--hog", "-1"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("hog threads must be >= 0")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"stability", "--cycels", "3"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("unknown option --cycels")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"stability", "--engine"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("--engine needs a value");
    }

    @Test
    void aThroughputComparisonNeedsThreeRoundsUnlessItIsASmokeRun() {
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"--rounds", "2"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--rounds must be at least 3, got 2")
                .hasMessageContaining("usage: quorumlab bench [--quick] [--rounds N]")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"--quick", "--rounds", "0"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--rounds must be at least 1, got 0");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"--rounds", "three"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--rounds needs a whole number, got 'three'");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"--rouns", "3"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("unknown option --rouns")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badScaleOptionsAreOneClearLineWithTheUsage() {
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--znodes", "0"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("--znodes must be at least 1, got 0 (" + BenchCommand.SCALE_USAGE + ")");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--znodes", "1e6"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("--znodes needs a whole number, got '1e6' (" + BenchCommand.SCALE_USAGE + ")");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--missed", "-1"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--missed must be at least 0, got -1 (usage: quorumlab bench scale")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--value-bytes", "2000000"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("--value-bytes must be 0..1000000, got 2000000")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--engine", "etcd"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("unknown engine 'etcd'");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--nodes", "5"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("unknown option --nodes (" + BenchCommand.SCALE_USAGE + ")");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"scale", "--znodes"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("--znodes needs a value");
    }

    @Test
    void tablesNeedsAnExistingCsv() {
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"tables"}))
                .isInstanceOf(LauncherException.class)
                .hasMessage("usage: quorumlab bench tables FILE.csv");
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"tables", "/nonexistent/results.csv"}))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith("no such file: /nonexistent/results.csv");
    }
}
