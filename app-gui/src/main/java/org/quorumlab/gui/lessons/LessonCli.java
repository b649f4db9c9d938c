package org.quorumlab.gui.lessons;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code quorumlab lesson ID|FILE|all [--dir D] [--fast]}: runs lessons headlessly with the
 * {@link LessonRunner}. Exit code 0 when every lesson passed, 1 when one did not, 2 on bad arguments.
 */
public final class LessonCli {

    static final String USAGE = "usage: quorumlab lesson ID|FILE.json|all [...] [--dir D] [--fast]";

    private LessonCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), LessonSettings.defaultClusterDir(), System.out, System.err));
    }

    /** Runs the command; the exit code. */
    static int run(List<String> args, Path defaultDir, PrintStream out, PrintStream err) {
        Path dir = defaultDir;
        boolean fast = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--fast")) {
                fast = true;
            } else if (a.equals("--dir")) {
                if (i + 1 >= args.size()) {
                    err.println("quorumlab lesson: --dir needs a directory; " + USAGE);
                    return 2;
                }
                dir = Path.of(args.get(++i));
            } else if (a.startsWith("-")) {
                err.println("quorumlab lesson: unknown option '" + a + "'; " + USAGE);
                return 2;
            } else {
                names.add(a);
            }
        }
        List<Lesson> lessons;
        try {
            lessons = resolve(names);
        } catch (LessonFormatException e) {
            err.println("quorumlab lesson: " + e.getMessage());
            return 2;
        }
        LessonSettings settings = fast ? LessonSettings.fast(dir) : LessonSettings.forConsole(dir);
        SplittableRandom random = new SplittableRandom();
        boolean passed = true;
        try (LessonActions actions = new LessonActions(settings, RecipeDemoRunner.factory(random.split()),
                random.split())) {
            LessonRunner runner = new LessonRunner(actions, out::println);
            for (Lesson l : lessons) {
                LessonRunner.LessonReport r = runner.run(l);
                out.println(l.id() + ": " + (r.passed() ? "passed" : "FAILED") + " in "
                        + LessonActions.duration(r.millis()));
                passed &= r.passed();
            }
        }
        return passed ? 0 : 1;
    }

    private static List<Lesson> resolve(List<String> names) {
        if (names.isEmpty()) {
            throw new LessonFormatException("name a lesson; " + USAGE + "\nbundled lessons: " + String.join(", ",
                    LessonCatalog.bundled().lessons().stream().map(Lesson::id).toList()));
        }
        List<Lesson> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals("all")) {
                out.addAll(LessonCatalog.bundled().lessons());
            } else if (n.endsWith(".json") || Files.exists(Path.of(n))) {
                out.add(LessonCatalog.read(Path.of(n)));
            } else {
                out.add(LessonCatalog.bundled(n).orElseThrow(() -> new LessonFormatException("no bundled lesson '" + n
                        + "'; bundled: " + String.join(", ", LessonCatalog.bundled().lessons().stream()
                        .map(Lesson::id).toList()))));
            }
        }
        return out;
    }
}
