package org.quorumlab.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ConfigException;

/** {@code quorumlab server zoo.cfg}: the file's values are used, and a bad one is reported by file and line. */
class ServerCommandConfigTest {

    @TempDir
    Path dir;

    @Test
    void aBadValueInTheConfigFileNamesFileAndLine() throws Exception {
        Path file = dir.resolve("zoo.cfg");
        Files.writeString(file, "tickTime=2000\n# limits\nmaxClientCnxns=lots\n");
        assertThatThrownBy(() -> ServerCommand.parse(new String[] {file.toString()}, new java.util.Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: 'lots' is not a number for maxClientCnxns");
    }

    @Test
    void flagsAfterTheFileOverrideIt() throws Exception {
        Path file = dir.resolve("zoo.cfg");
        Files.writeString(file, "tickTime=700\nclientPort=2399\n");
        var config = ServerCommand.parse(new String[] {file.toString(), "--port", "0"}, new java.util.Properties());
        assertThat(config.tickTime()).isEqualTo(700);
        assertThat(config.clientPort()).isZero();
    }
}
