package org.quorumlab.gui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits pretty JSON/XML into styled tokens; the view turns each token into a styled Text. */
public final class SyntaxHighlighter {

    /** A run of text with a CSS style class ({@code syn-plain}, {@code syn-key}, ...). */
    public record Token(String text, String styleClass) {
    }

    private static final Pattern JSON_TOKENS = Pattern.compile(
            "(?<key>\"(?:\\\\.|[^\"\\\\])*\"(?=\\s*:))|(?<str>\"(?:\\\\.|[^\"\\\\])*\")"
                    + "|(?<num>-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|(?<lit>true|false|null)|(?<punct>[{}\\[\\],:])");
    private static final Pattern XML_TOKENS = Pattern.compile(
            "(?<comment><!--.*?-->)|(?<tag></?[\\w:.-]+|/?>|<\\?[\\w-]+|\\?>)|(?<attr>[\\w:.-]+(?==))|(?<str>\"[^\"]*\"|'[^']*')",
            Pattern.DOTALL);

    private SyntaxHighlighter() {
    }

    /** Tokens for {@code text} shown in {@code mode}; a single plain token for unhighlighted modes. */
    public static List<Token> highlight(String text, ViewMode mode) {
        return switch (mode) {
            case JSON -> tokens(text, JSON_TOKENS, List.of("key", "str", "num", "lit", "punct"));
            case XML -> tokens(text, XML_TOKENS, List.of("comment", "tag", "attr", "str"));
            default -> List.of(new Token(text, "syn-plain"));
        };
    }

    private static List<Token> tokens(String text, Pattern p, List<String> groups) {
        List<Token> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                out.add(new Token(text.substring(last, m.start()), "syn-plain"));
            }
            for (String g : groups) {
                if (m.group(g) != null) {
                    out.add(new Token(m.group(), "syn-" + g));
                    break;
                }
            }
            last = m.end();
        }
        if (last < text.length()) {
            out.add(new Token(text.substring(last), "syn-plain"));
        }
        return out;
    }
}
