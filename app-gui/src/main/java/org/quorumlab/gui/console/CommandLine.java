package org.quorumlab.gui.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed console line: command name, options ({@code -s}, {@code -t 1000}) and positional
 * arguments. Double or single quotes group words.
 */
public record CommandLine(String command, Map<String, String> options, List<String> args) {

    /** Splits a line into words, honouring quotes. */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * Parses {@code line}; options listed in {@code valued} take the next word as value, others
     * are flags (value "").
     */
    public static CommandLine parse(String line, Set<String> valued) {
        List<String> w = words(line);
        if (w.isEmpty()) {
            return new CommandLine("", Map.of(), List.of());
        }
        Map<String, String> opts = new HashMap<>();
        List<String> args = new ArrayList<>();
        for (int i = 1; i < w.size(); i++) {
            String s = w.get(i);
            if (s.startsWith("-") && s.length() > 1 && !Character.isDigit(s.charAt(1)) && args.isEmpty()) {
                String name = s.substring(1);
                if (valued.contains(name)) {
                    if (i + 1 >= w.size()) {
                        throw new IllegalArgumentException("option -" + name + " needs a value");
                    }
                    opts.put(name, w.get(++i));
                } else {
                    opts.put(name, "");
                }
            } else {
                args.add(s);
            }
        }
        return new CommandLine(w.get(0), opts, args);
    }

    /** True when the flag/option is present. */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** Positional argument {@code i}, or a usage error. */
    public String arg(int i, String usage) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args.get(i);
    }
}
