package org.quorumlab.gui.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lessons bundled in the assets module ({@code /org/quorumlab/assets/lessons/*.json}), ordered
 * by id, plus lessons read from files. Immutable once loaded.
 */
public final class LessonCatalog {

    public static final String RESOURCE_DIR = "/org/quorumlab/assets/lessons/";

    private final List<Lesson> lessons;

    public LessonCatalog(List<Lesson> lessons) {
        this.lessons = lessons.stream().sorted(Comparator.comparing(Lesson::id)).toList();
    }

    /** Every lesson on the class path (from a directory or a jar). */
    public static LessonCatalog bundled() {
        URL dir = LessonCatalog.class.getResource(RESOURCE_DIR);
        if (dir == null) {
            throw new LessonFormatException("no lessons on the class path under " + RESOURCE_DIR
                    + " (is the assets module missing?)");
        }
        try {
            URI uri = dir.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return new LessonCatalog(readAll(FileSystems.getFileSystem(uri).provider().getPath(uri)));
                } catch (FileSystemNotFoundException e) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        return new LessonCatalog(readAll(jar.provider().getPath(uri)));
                    }
                }
            }
            return new LessonCatalog(readAll(Path.of(uri)));
        } catch (URISyntaxException | IOException e) {
            throw new LessonFormatException("cannot list the bundled lessons in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads one lesson file; its id must match the file name. */
    public static Lesson read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LessonFormatException("cannot read lesson " + file + ": " + e.getMessage(), e);
        }
        Lesson lesson = LessonReader.parse(json, file.getFileName().toString());
        if (!file.getFileName().toString().equals(lesson.id() + ".json")) {
            throw new LessonFormatException(file.getFileName() + ": id '" + lesson.id()
                    + "' must match the file name");
        }
        return lesson;
    }

    /** One bundled lesson by id, read straight from the class path. */
    public static Optional<Lesson> bundled(String id) {
        try (InputStream in = LessonCatalog.class.getResourceAsStream(RESOURCE_DIR + id + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(LessonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> byId(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private static List<Lesson> readAll(Path dir) throws IOException {
        List<Lesson> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(f));
            }
        }
        return out;
    }
}
