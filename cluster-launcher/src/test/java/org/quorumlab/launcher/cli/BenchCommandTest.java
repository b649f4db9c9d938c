package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.LauncherException;

/** Bad options of {@code quorumlab bench stability} are refused in one line, before anything starts. */
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
}
