package org.quorumlab.launcher;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScratchAddTest {
    @Test
    void addWithoutLoad() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("scratch-add");
        System.out.println("DIR " + dir);
        try (ClusterLauncher l = ClusterLauncher.launch(dir, 3, Engine.QUORUMLAB, 0)) {
            l.awaitQuorum(Duration.ofSeconds(90));
            MembershipChange c = l.addServer(-1, Duration.ofSeconds(30));
            System.out.println("ADD " + c);
        }
    }
}
