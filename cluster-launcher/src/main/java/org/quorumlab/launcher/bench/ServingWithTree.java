package org.quorumlab.launcher.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.probe.FourLetterWord;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * Asks servers, as an operator would, whether they serve ({@code srvr}: leader or follower) and how
 * many znodes they hold ({@code mntr}'s {@code zk_znode_count}, which both engines report): a server
 * that answers as follower but still loads or receives its tree is not yet back.
 */
final class ServingWithTree {

    static final String ZNODE_COUNT = "zk_znode_count";
    private static final int SRVR_TIMEOUT_MS = 2000;
    /** mntr walks no tree in either engine, but a server busy loading one may answer slowly. */
    private static final int MNTR_TIMEOUT_MS = 5000;
    private static final long POLL_MILLIS = 100;

    /** One server's answer: its mode ("no answer" when silent) and znode count (-1 when unknown). */
    record Reading(String mode, long znodes) {
        boolean serving() {
            return mode.equals("leader") || mode.equals("follower") || mode.equals("observer");
        }
    }

    /** When each server first served with the tree, in ms from the start, and who led then. */
    record Arrival(Map<Long, Long> millisById, long leader) {
        Arrival {
            millisById = Map.copyOf(millisById);
        }

        long lastMillis() {
            return millisById.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    private ServingWithTree() {
    }

    static Reading read(ClusterLauncher cluster, long id) {
        String host = cluster.host();
        int port = cluster.ports(id).client();
        String srvr = FourLetterWord.send(host, port, "srvr", SRVR_TIMEOUT_MS).orElse("");
        if (srvr.isEmpty()) {
            return new Reading("no answer", -1);
        }
        long znodes = FourLetterWord.send(host, port, "mntr", MNTR_TIMEOUT_MS)
                .map(m -> FourLetterWord.monitorValue(m, ZNODE_COUNT)).orElse(-1L);
        return new Reading(FourLetterWord.mode(srvr), znodes);
    }

    /** The znode count of server {@code id}; throws when it does not say. */
    static long znodes(ClusterLauncher cluster, long id) {
        Reading r = read(cluster, id);
        if (r.znodes() < 0) {
            throw new IllegalStateException("server " + id + " reports no " + ZNODE_COUNT + " (mode " + r.mode() + ")");
        }
        return r.znodes();
    }

    /**
     * Waits until every server of {@code ids} serves with at least {@code znodes} znodes; each one's
     * time is taken from {@code startNanos}. Fails at once when a server's process exits (it ran out
     * of memory, say), and after {@code timeout} naming what each server last said.
     */
    static Arrival await(ClusterLauncher cluster, Collection<Long> ids, long znodes, long startNanos,
            Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        Map<Long, Long> arrived = new LinkedHashMap<>();
        Map<Long, Reading> last = new LinkedHashMap<>();
        long leader = -1;
        while (true) {
            for (long id : new TreeSet<>(ids)) {
                Reading r = read(cluster, id);
                last.put(id, r);
                if (r.mode().equals("leader")) {
                    leader = id;
                }
                if (!arrived.containsKey(id) && r.serving() && r.znodes() >= znodes) {
                    arrived.put(id, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                }
                if (!cluster.isRunning(id)) {
                    throw new IllegalStateException("server " + id + "'s process exited; see "
                            + new ClusterLayout(cluster.dir()).log(id));
                }
            }
            if (arrived.size() == ids.size()) {
                return new Arrival(arrived, leader);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every server served " + znodes + " znodes within "
                        + timeout.toSeconds() + " s; last seen " + last);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS); // polling external processes, not test synchronisation
        }
    }
}
