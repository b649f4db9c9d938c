package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * The longest time each QuorumLab node's process did not run during a benchmark, from the
 * "consensus clock stalled for N ms" lines its log carries (the {@code ProcessStalled} event). A
 * leader silent for longer than syncLimit × tickTime has, to its followers, failed; this is what
 * tells such a failure apart from one nothing caused.
 */
final class ProcessStalls {

    private static final Pattern STALL = Pattern.compile("consensus clock stalled for (\\d+) ms");
    private static final Pattern CLOSED = Pattern.compile("closed (\\d+) client connection\\(s\\) that cannot wait longer");

    private ProcessStalls() {
    }

    /** Server id → longest stall in ms (0 if none); empty for ZooKeeper, which reports none. */
    static Map<Long, Long> longest(ClusterLauncher cluster, Engine engine) {
        Map<Long, Long> out = new LinkedHashMap<>();
        if (engine != Engine.QUORUMLAB) {
            return out;
        }
        ClusterLayout layout = new ClusterLayout(cluster.dir());
        for (long id : cluster.members()) {
            out.put(id, longestIn(layout.log(id)));
        }
        return out;
    }

    /**
     * Client connections QuorumLab servers closed because they had no leader for longer than the
     * sessions could wait (each costs its client the requests it had in flight); 0 for ZooKeeper,
     * whose servers close every connection as soon as they lose their leader.
     */
    static int closedWithoutLeader(ClusterLauncher cluster, Engine engine) {
        if (engine != Engine.QUORUMLAB) {
            return 0;
        }
        ClusterLayout layout = new ClusterLayout(cluster.dir());
        int closed = 0;
        for (long id : cluster.members()) {
            closed += Math.max(0, closedIn(layout.log(id))); // an unreadable log adds nothing
        }
        return closed;
    }

    static int closedIn(Path log) {
        return (int) fold(log, CLOSED, Long::sum);
    }

    static long longestIn(Path log) {
        return fold(log, STALL, Math::max);
    }

    /** Folds the number each matching line of {@code log} carries, from 0; -1 if the log cannot be read. */
    private static long fold(Path log, Pattern pattern, LongBinaryOperator combine) {
        long result = 0;
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    result = combine.applyAsLong(result, Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return result;
    }
}
