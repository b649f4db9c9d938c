package org.quorumlab.engine.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * ZooKeeper's {@code 4lw.commands.whitelist}: which four-letter words the client port answers. Read as ZooKeeper
 * 3.9.3 reads it ({@code FourLetterCommands.isEnabled}): a comma-separated list whose entries are trimmed and whose
 * empty entries are skipped; {@code *} anywhere enables every word; {@code srvr} is always enabled (zkServer.sh
 * needs it). Without the key only {@code srvr} is enabled. A refused word is answered with
 * {@link #refusal(String)}, ZooKeeper's text, and the connection is closed.
 *
 * @param all   {@code *} was listed
 * @param words the words listed, always including {@code srvr}
 */
public record FourLetterWordWhitelist(boolean all, Set<String> words) {

    /** The words ZooKeeper 3.9.3 knows ({@code FourLetterCommands.cmd2String}, less "telnet close"). */
    public static final Set<String> ZOOKEEPER_WORDS = Set.of("conf", "cons", "crst", "dirs", "dump", "envi", "gtmk",
            "ruok", "stmk", "srst", "srvr", "stat", "wchc", "wchp", "wchs", "mntr", "isro", "hash");

    /** ZooKeeper's default: {@code srvr} only. */
    public static final FourLetterWordWhitelist DEFAULT = new FourLetterWordWhitelist(false, Set.of());

    /** Every word ({@code 4lw.commands.whitelist=*}). */
    public static final FourLetterWordWhitelist ALL = new FourLetterWordWhitelist(true, Set.of());

    public FourLetterWordWhitelist {
        TreeSet<String> listed = new TreeSet<>(words);
        listed.add("srvr");
        words = Set.copyOf(listed);
    }

    /** Parses the key's value; never fails (ZooKeeper accepts any list). */
    public static FourLetterWordWhitelist parse(String value) {
        Set<String> listed = new TreeSet<>();
        for (String entry : value.split(",")) {
            String word = entry.trim();
            if (word.equals("*")) {
                return ALL;
            }
            if (!word.isEmpty()) {
                listed.add(word);
            }
        }
        return new FourLetterWordWhitelist(false, listed);
    }

    public boolean allows(String word) {
        return all || words.contains(word);
    }

    /** ZooKeeper's whole reply to a word that is not enabled (its NopCommand prints this line). */
    public static String refusal(String word) {
        return word + " is not executed because it is not in the whitelist.\n";
    }

    /** The value as zoo.cfg would say it. */
    public String format() {
        return all ? "*" : String.join(",", new TreeSet<>(words));
    }
}
