package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.engine.admin.AdminClient.fourLetter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorumlab.engine.config.FourLetterWordWhitelist;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * {@code 4lw.commands.whitelist} against real ZooKeeper 3.9.3 given the same list (its system property, which its
 * zoo.cfg key sets): the same words are refused, each with exactly ZooKeeper's reply, and the others answered.
 */
class FourLetterWhitelistTest {

    /** The words both servers know, less gtmk/stmk (stmk reads 8 more bytes). */
    private static final List<String> WORDS = List.of("ruok", "srvr", "stat", "conf", "cons", "crst", "dump", "envi",
            "mntr", "wchs", "wchc", "wchp", "isro", "srst", "dirs");

    @TempDir
    Path dir;

    /** "-" stands for the key left out: ZooKeeper's default, srvr only. */
    @ParameterizedTest(name = "4lw.commands.whitelist={0}")
    @ValueSource(strings = {"-", " ruok , stat,,wchc", "isro,*"})
    void refusedWordsGetZooKeepersReplyAndTheOthersAnAnswer(String whitelist) throws Exception {
        boolean absent = whitelist.equals("-");
        Map<String, String> property = new HashMap<>();
        property.put("zookeeper.4lw.commands.whitelist", absent ? null : whitelist);
        Map<String, String> real = new LinkedHashMap<>();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dir.resolve("zk"), property)) {
            for (String word : WORDS) {
                real.put(word, fourLetter(zk.port(), word));
            }
        }
        Map<String, String> ours = new LinkedHashMap<>();
        ServerConfig config = ServerConfig.standalone(0, dir.resolve("ql")).toBuilder()
                .fourLetterWords(absent ? FourLetterWordWhitelist.DEFAULT : FourLetterWordWhitelist.parse(whitelist))
                .build();
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            for (String word : WORDS) {
                ours.put(word, fourLetter(server.port(), word));
            }
        }

        for (String word : WORDS) {
            String refusal = word + " is not executed because it is not in the whitelist.\n";
            if (real.get(word).equals(refusal)) {
                assertThat(ours.get(word)).as(word).isEqualTo(refusal);
            } else {
                assertThat(ours.get(word)).as(word).isNotEqualTo(refusal).isNotEmpty();
            }
        }
        long refused = real.values().stream().filter(r -> r.endsWith(" is not in the whitelist.\n")).count();
        assertThat(refused).isEqualTo(switch (whitelist) {
            case "-" -> WORDS.size() - 1;
            case "isro,*" -> 0;
            default -> WORDS.size() - 4;
        });
    }
}
