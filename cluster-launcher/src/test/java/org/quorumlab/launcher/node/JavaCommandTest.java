package org.quorumlab.launcher.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void extraJvmOptionsComeFirstSoTheLauncherCanRecogniseItsNodes() {
        JavaCommand java = new JavaCommand("java", "a.jar", List.of("-Xmx1g"));
        assertThat(java.command(List.of("-Dquorumlab.node=x"), "Main", List.of("arg")))
                .containsExactly("java", "-Dquorumlab.node=x", "-Xmx1g", "-cp", "a.jar", "Main", "arg");
    }
}
