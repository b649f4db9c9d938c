package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launcher commands fail with one clear line on stderr and exit code 2. */
class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void errorsAreOneLineWithExitCode2() {
        assertOneLineError(NodeCommand::run, new String[] {"stop", "1", "--dir", dir.toString()}, "no cluster in");
        assertOneLineError(NodeCommand::run, new String[] {"stop", "x", "--dir", dir.toString()}, "expected a server id");
        assertOneLineError(NodeCommand::run, new String[] {"frobnicate", "1", "--dir", dir.toString()}, "unknown node action 'frobnicate'");
        assertOneLineError(NodeCommand::run, new String[] {"remove", "--dir", dir.toString()}, "usage: quorumlab node remove ID");
        assertOneLineError(StatusCommand::run, new String[] {}, "--dir D is required");
        assertOneLineError(StatusCommand::run, new String[] {"--dri", "x"}, "unknown option --dri");
        assertOneLineError((a, o, e) -> ClusterCommand.run(a, o, e),
                new String[] {"--dir", dir.toString(), "--engine", "etcd"}, "unknown engine 'etcd'");
        assertOneLineError((a, o, e) -> ClusterCommand.run(a, o, e),
                new String[] {"restart", "--dir", dir.resolve("missing").toString()}, "no cluster in");
        assertOneLineError((a, o, e) -> ClusterCommand.run(a, o, e),
                new String[] {"restart", "now", "--dir", dir.toString()}, "usage: quorumlab cluster restart --dir D");
        assertOneLineError((a, o, e) -> ClusterCommand.run(a, o, e), new String[] {"restart"}, "--dir D is required");
        assertOneLineError((a, o, e) -> ClusterCommand.run(a, o, e),
                new String[] {"restart", "--nodes", "3", "--dir", dir.toString()}, "unknown option --nodes");
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    private static void assertOneLineError(Command c, String[] args, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            rc = c.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).isEqualTo(2);
        assertThat(text).contains(expected).endsWith("\n");
        assertThat(text.strip().lines().count()).as("one line: %s", text).isEqualTo(1);
    }
}
