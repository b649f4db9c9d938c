package org.quorumlab.gui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines get one clear line and exit code 2, before any cluster starts. */
class LessonCliTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LessonCli.run(List.of(args), dir.resolve("cluster"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsUnknownOptionsAndLessons() throws Exception {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(errors()).contains("unknown option '--bogus'").contains("usage: quorumlab lesson");
        err.reset();
        assertThat(run("07-nope")).isEqualTo(2);
        assertThat(errors()).contains("no bundled lesson '07-nope'").contains("01-leader-election");
        err.reset();
        assertThat(run()).isEqualTo(2);
        assertThat(errors()).contains("name a lesson");
        err.reset();
        Path broken = Files.writeString(dir.resolve("99-broken.json"), "{\"format\":\"quorumlab-lesson/1\"}");
        assertThat(run(broken.toString())).isEqualTo(2);
        assertThat(errors()).contains("99-broken.json: lesson: ");
        assertThat(dir.resolve("cluster")).doesNotExist();
    }
}
