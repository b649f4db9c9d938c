package org.quorumlab.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the asset files in the module's source tree (tests run from the module directory). */
final class AssetFiles {

    static final Path ROOT = Path.of("src", "main", "resources", "org", "quorumlab", "assets");

    private AssetFiles() {
    }

    /** Files directly or deeply under {@code ROOT/dir} whose name ends with {@code suffix}, sorted. */
    static List<Path> under(String dir, String suffix) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same rules as ZooKeeper's PathUtils.validatePath; returns the reason a path is invalid, or null. */
    static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "path is empty";
        }
        if (path.charAt(0) != '/') {
            return "path must start with /";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.endsWith("/")) {
            return "path must not end with /";
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                return "empty segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "relative segment '" + segment + "'";
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0 || (c > 0 && c < 0x20) || (c > 0x7e && c < 0xa0) || (c > 0xd7ff && c < 0xf900)
                    || (c > 0xffef && c <= 0xffff)) {
                return "invalid character 0x" + Integer.toHexString(c) + " at " + i;
            }
        }
        return null;
    }
}
