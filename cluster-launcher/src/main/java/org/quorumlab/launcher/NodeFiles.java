package org.quorumlab.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.quorumlab.launcher.state.ClusterLayout;

/** The files of a node the launcher reads or removes: its log (quoted in errors) and its data directory. */
final class NodeFiles {

    private NodeFiles() {
    }

    /** {@code ": <last error or last line>"} of node {@code id}'s log, or empty. */
    static String lastLogLine(ClusterLayout layout, long id) {
        try {
            List<String> lines = Files.readAllLines(layout.log(id));
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).trim();
                if (l.startsWith("Caused by:") || l.contains(" ERROR ") || l.startsWith("Exception in thread")) {
                    return ": " + l;
                }
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).trim();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no log to quote
        }
        return "";
    }

    /** Deletes {@code p} and everything below it; absent is fine. */
    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
