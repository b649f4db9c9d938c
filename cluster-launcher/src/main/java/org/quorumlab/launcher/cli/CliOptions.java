package org.quorumlab.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quorumlab.launcher.LauncherException;

/** {@code --name value} options and positional arguments of one launcher subcommand. */
record CliOptions(List<String> positional, Map<String, String> options) {

    static CliOptions parse(String[] args, Set<String> known) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (!known.contains(a)) {
                    throw new LauncherException("unknown option " + a + " (expected one of " + known + ")");
                }
                if (i + 1 >= args.length) {
                    throw new LauncherException(a + " needs a value");
                }
                options.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        return new CliOptions(positional, options);
    }

    Path dir() {
        String d = options.get("--dir");
        if (d == null) {
            throw new LauncherException("--dir D is required");
        }
        return Path.of(d);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new LauncherException(name + " expects a number, got '" + v + "'");
        }
    }

    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new LauncherException("expected a server id (1, 2, ...), got '" + text + "'");
        }
    }
}
