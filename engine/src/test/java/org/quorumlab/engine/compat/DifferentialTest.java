package org.quorumlab.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an embedded Apache ZooKeeper 3.9.3 and a QuorumLab server with the same seeded random
 * operation sequence from several sessions and compares, op by op: results, error codes, stats
 * (zxids only as relations), children, ACLs, multi results and each session's watch events.
 *
 * <p>Neither server reaps containers or TTL nodes during the run (ZooKeeper has no
 * ContainerManager here; QuorumLab's check interval is an hour), so both keep them.
 */
class DifferentialTest {

    private static final Logger LOG = LoggerFactory.getLogger(DifferentialTest.class);
    private static final int OPS_PER_SEED = 1000;
    /** A reply slower than this is a stalled reply (once seen: a response left unflushed until the next ping). */
    private static final long STALL_NANOS = 5_000_000_000L;
    private static final int HISTORY = 15;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 42L, 20_240_611L})
    void quorumLabAnswersLikeZooKeeper(long seed) throws Exception {
        ServerConfig config = ServerConfig.standalone(0, dir.resolve("quorumlab")).toBuilder()
                .containerCheckIntervalMs(3_600_000)
                .build();
        try (RealZooKeeper real = RealZooKeeper.start(dir.resolve("zookeeper"));
                QuorumLabServer ql = QuorumLabServer.start(config);
                DiffSide zkSide = new DiffSide("zookeeper", real.port());
                DiffSide qlSide = new DiffSide("quorumlab", ql.port())) {
            DiffOpGenerator gen = new DiffOpGenerator(seed);
            ArrayDeque<String> history = new ArrayDeque<>();
            for (int i = 0; i < OPS_PER_SEED; i++) {
                DiffOp op = gen.next(zkSide.sessionCount());
                long t0 = System.nanoTime();
                String expected = outcome(zkSide, op);
                long t1 = System.nanoTime();
                String actual = outcome(qlSide, op);
                long t2 = System.nanoTime();
                if (t2 - t1 > STALL_NANOS) {
                    throw new AssertionError("seed=" + seed + " op#" + i + " " + op + ": QuorumLab took "
                            + (t2 - t1) / 1_000_000 + " ms to answer (ZooKeeper " + (t1 - t0) / 1_000_000 + " ms)");
                }
                if (t2 - t0 > 500_000_000L) {
                    LOG.warn("slow op #{} {} after {}: zookeeper {} ms, quorumlab {} ms", i, op, history.peekLast(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
                }
                check(seed, i, op, "result", expected, actual, history);
                String zkEvents = events(zkSide, op);
                check(seed, i, op, "events", zkEvents, events(qlSide, op), history);
                remember(history, "#" + i + " " + op + " -> " + expected + " events " + zkEvents);
                List<String> created = zkSide.takeCreated();
                qlSide.takeCreated();
                gen.learn(created);
            }
            check(seed, OPS_PER_SEED, null, "final tree", dump(zkSide), dump(qlSide), history);
            assertThat(qlSide.abnormalStates()).as("QuorumLab session states")
                    .isEqualTo(zkSide.abnormalStates());
        }
    }

    /**
     * Each session's events since the last op. Deliberate difference, narrowly excluded: when one
     * session close deletes several ephemerals, ZooKeeper deletes them in HashSet order of their
     * paths (PrepRequestProcessor's closeSession), QuorumLab deepest-first then by name; so for a
     * session close only, each session's events are compared as a sorted list.
     */
    private static String events(DiffSide side, DiffOp op) throws InterruptedException {
        List<List<String>> events = side.drainEvents();
        if (op.closesSession()) {
            return events.stream().map(Outcomes::sorted).toList().toString();
        }
        return events.toString();
    }

    private static void remember(ArrayDeque<String> history, String line) {
        history.addLast(line);
        if (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    private static void check(long seed, int index, DiffOp op, String what, String zookeeper, String quorumlab,
            ArrayDeque<String> history) {
        if (!zookeeper.equals(quorumlab)) {
            String msg = "seed=" + seed + " op#" + index + " " + op + " (" + what + ")\n  zookeeper: " + zookeeper
                    + "\n  quorumlab: " + quorumlab + "\n  preceding ops (ZooKeeper's results):\n    "
                    + String.join("\n    ", history);
            LOG.error("Behaviour difference: {}", msg);
            throw new AssertionError(msg);
        }
    }

    private static String outcome(DiffSide side, DiffOp op) {
        ZooKeeper zk = side.session(op.slot()).zk();
        try {
            return op.action().run(side, zk);
        } catch (KeeperException e) {
            return Outcomes.error(e);
        } catch (IllegalArgumentException e) {
            return "client refused: " + e.getClass().getSimpleName();
        } catch (Exception e) {
            LOG.warn("{} threw on {}", op, side.name, e);
            return "EXCEPTION " + e;
        }
    }

    /** Every node readable by the digest session of slot 1, with data and stat, parents first. */
    private static String dump(DiffSide side) throws InterruptedException {
        ZooKeeper zk = side.session(1).zk();
        List<String> out = new ArrayList<>();
        List<String> stack = new ArrayList<>(List.of("/"));
        while (!stack.isEmpty()) {
            String p = stack.remove(stack.size() - 1);
            try {
                Stat s = new Stat();
                byte[] d = zk.getData(p, false, s);
                out.add(p + " " + Outcomes.data(d) + " " + side.stat(null, s));
                for (String kid : Outcomes.sorted(zk.getChildren(p, false))) {
                    stack.add(p.equals("/") ? "/" + kid : p + "/" + kid);
                }
            } catch (KeeperException e) {
                out.add(p + " " + Outcomes.error(e));
            }
        }
        return String.join("\n", out);
    }
}
