package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./quorumlab --help} names every command and option a user can reach. */
class HelpTest {

    @Test
    void helpNamesEveryCommandAndTheOptionsPeopleLookFor() {
        for (String command : List.of("server", "dump", "restore", "cluster", "cluster restart", "node", "status",
                "fault", "events", "teach", "load", "bench", "bench tables", "bench failover", "bench stability",
                "bench scale", "bench tree", "gui", "lesson")) {
            assertThat(Main.USAGE).as("usage of %s", command).containsPattern("(?m)^\\s+" + command + "\\b");
        }
        assertThat(Main.USAGE).contains("--autoscale", "--max-session-timeout", "--rounds", "--quick", "--znodes",
                "QUORUMLAB_NODE_JAVA_OPTS");
    }
}
