package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quorumlab.launcher.Engine;

/**
 * How a leader brought a rejoining follower up to date (DIFF, TRUNC or SNAP), read from the lines
 * the leader's log gained since the follower was started. QuorumLab's leader logs
 * "syncing learner 2 by DIFF (...)"; ZooKeeper's logs "Sending DIFF zxid=... for peer sid: 2",
 * "Using committedLog for peer sid: 2" or "Use txnlog and committedLog for peer sid: 2" for a
 * diff, "Sending TRUNC" for a truncation and "Sending snapshot last zxid of peer is ..." for a
 * snapshot. Anything else reads as "unknown", never as a guess.
 */
final class SyncModeLog {

    static final String UNKNOWN = "unknown";
    private static final Pattern QUORUMLAB = Pattern.compile("syncing learner (\\d+) by (DIFF|TRUNC|SNAP)\\b");
    private static final Pattern ZK_SNAP = Pattern.compile("Sending snapshot|Sending SNAP\\b");
    private static final Pattern ZK_TRUNC = Pattern.compile("Sending TRUNC\\b");
    private static final Pattern ZK_DIFF = Pattern.compile(
            "Sending DIFF\\b|Using committedLog for peer sid|Use txnlog and committedLog for peer sid");

    private SyncModeLog() {
    }

    /** The log's current length: lines after it are the ones a later {@link #read} looks at. */
    static long mark(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The mode chosen for {@code follower} in what {@code log} gained after {@code mark}. */
    static String read(Path log, long mark, long follower, Engine engine) {
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(mark);
            return modeIn(new String(in.readAllBytes(), StandardCharsets.UTF_8), follower, engine);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * The last mode chosen for {@code follower} in {@code text}. ZooKeeper's snapshot line names no
     * peer; the window holds one follower's sync only (the others stayed connected), so it is taken
     * as that follower's.
     */
    static String modeIn(String text, long follower, Engine engine) {
        if (engine == Engine.QUORUMLAB) {
            String mode = UNKNOWN;
            Matcher m = QUORUMLAB.matcher(text);
            while (m.find()) {
                if (Long.parseLong(m.group(1)) == follower) {
                    mode = m.group(2);
                }
            }
            return mode;
        }
        // a snapshot or truncation is followed by a diff of the newer entries: the heavier step names the sync
        if (ZK_SNAP.matcher(text).find()) {
            return "SNAP";
        }
        if (ZK_TRUNC.matcher(text).find()) {
            return "TRUNC";
        }
        if (ZK_DIFF.matcher(text).find()) {
            return "DIFF";
        }
        return UNKNOWN;
    }
}
