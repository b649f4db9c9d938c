package org.quorumlab.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dzookeeper.enforceQuota=true}, ZooKeeper's switch, is read once into the configuration. */
class EnforceQuotaPropertyTest {

    @TempDir
    Path dir;

    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void eitherTheSystemPropertyOrTheZooCfgKeyTurnsEnforcementOn() throws Exception {
        Path cfg = Files.writeString(dir.resolve("zoo.cfg"), "clientPort=2181\ndataDir=data\n");
        String[] args = {cfg.toString()};
        assertThat(ServerCommand.parse(args, properties()).enforceQuota()).isFalse();
        assertThat(ServerCommand.parse(args, properties("zookeeper.enforceQuota", "false")).enforceQuota()).isFalse();
        assertThat(ServerCommand.parse(args, properties("zookeeper.enforceQuota", "true")).enforceQuota()).isTrue();
        assertThat(ServerCommand.parse(new String[] {"--port", "0"}, properties("zookeeper.enforceQuota", "true"))
                .enforceQuota()).isTrue();

        Files.writeString(cfg, "clientPort=2181\ndataDir=data\nenforceQuota=true\n");
        assertThat(ServerCommand.parse(args, properties()).enforceQuota()).isTrue();
    }
}
