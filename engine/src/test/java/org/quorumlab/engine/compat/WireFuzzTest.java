package org.quorumlab.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.engine.proto.ConnectResponse;
import org.quorumlab.engine.proto.ExistsRequest;
import org.quorumlab.engine.proto.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throws 3,000 malformed inputs (12 batches of 250 cases) at QuorumLab's client port over raw
 * sockets: garbage, impossible frame lengths, truncated frames, and, after a valid handshake,
 * unknown opcodes, truncated records, huge length/count prefixes, bit flips and mismatched opcodes.
 * Every definitely-bad connection must be closed by the server; after every batch a fresh official
 * client must work and a session opened before the fuzzing must still hold its ephemeral and write.
 *
 * <p>All cases are drawn from one seed, the system property {@code quorumlab.fuzz.seed} (default
 * 20240611), which the test logs when it starts and names in every failure; {@code mvn verify
 * -Dquorumlab.fuzz.seed=N} runs the same 3,000 cases again.
 */
class WireFuzzTest {

    private static final String SEED_PROPERTY = "quorumlab.fuzz.seed";
    private static final long DEFAULT_SEED = 20_240_611L;
    private static final Logger LOG = LoggerFactory.getLogger(WireFuzzTest.class);
    private static final int BATCHES = 12;
    private static final int CASES_PER_BATCH = 250;
    /** Kinds of case: 0-2 before the handshake, 3-9 after it (see {@link #runCase}). */
    private static final int KINDS = 10;
    private static final long CLOSE_TIMEOUT_MS = 5_000;
    private static final int PROBE_XID = 424_242;

    @TempDir
    Path dir;

    private int port;
    private long pooledSession;
    private byte[] pooledPassword = new byte[16];

    @Test
    void serverSurvivesMalformedInputAndClosesOnlyTheBadConnections() throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        LOG.info("Wire fuzzer: {} cases from seed {} (replay: -D{}={})", BATCHES * CASES_PER_BATCH, seed,
                SEED_PROPERTY, seed);
        try (QuorumLabServer server = QuorumLabServer.start(ServerConfig.standalone(0, dir));
                ClientSession keeper = ClientSession.open(server.port(), 30_000, null)) {
            port = server.port();
            keeper.zk().create("/keeper-ephemeral", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            keeper.zk().create("/keeper-data", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            Random rnd = new Random(seed);
            int[] casesOfKind = new int[KINDS];
            for (int batch = 0; batch < BATCHES; batch++) {
                for (int i = 0; i < CASES_PER_BATCH; i++) {
                    casesOfKind[runCase(new Random(rnd.nextLong()),
                            "-D" + SEED_PROPERTY + "=" + seed + " batch " + batch + " case " + i)]++;
                }
                assertHealthy(keeper, batch);
            }
            // a tenth of the cases each, give or take: none may have stopped being drawn
            assertThat(Arrays.stream(casesOfKind).min().orElseThrow()).as("cases of the rarest kind")
                    .isGreaterThan(200);
            assertThat(keeper.abnormalStates()).as("long-lived session states").isEmpty();
        }
    }

    /** Runs one case; returns its kind. */
    private int runCase(Random rnd, String label) throws IOException {
        int kind = rnd.nextInt(KINDS);
        try (RawConnection c = new RawConnection(port)) {
            switch (kind) {
                case 0 -> mustClose(c, badLengthThenGarbage(rnd), label + " bad length");
                case 1 -> mustClose(c, FuzzFrames.lengthPrefixed(FuzzFrames.garbage(rnd, 27)), label + " short connect");
                case 2 -> truncatedThenHalfClose(c, rnd, label);
                default -> afterHandshake(c, rnd, kind, label);
            }
        }
        return kind;
    }

    private static byte[] badLengthThenGarbage(Random rnd) {
        int len = rnd.nextBoolean() ? -1 - rnd.nextInt(Integer.MAX_VALUE) : 0x100000 + rnd.nextInt(0x7fe00000);
        byte[] tail = FuzzFrames.garbage(rnd, 64);
        byte[] out = new byte[4 + tail.length];
        out[0] = (byte) (len >>> 24);
        out[1] = (byte) (len >>> 16);
        out[2] = (byte) (len >>> 8);
        out[3] = (byte) len;
        System.arraycopy(tail, 0, out, 4, tail.length);
        return out;
    }

    private void truncatedThenHalfClose(RawConnection c, Random rnd, String label) {
        byte[] frame = FuzzFrames.lengthPrefixed(FuzzFrames.garbage(rnd, 200));
        c.write(Arrays.copyOf(frame, rnd.nextInt(frame.length)));
        c.shutdownOutput();
        assertThat(c.awaitClosedByServer(CLOSE_TIMEOUT_MS)).as(label + " truncated frame, then EOF").isTrue();
    }

    private void afterHandshake(RawConnection c, Random rnd, int kind, String label) throws IOException {
        if (joinPooledSession(c)) {
            mutate(c, rnd, kind, label);
            return;
        }
        // the pooled session was closed by an earlier (mutated) closeSession: start a new one
        try (RawConnection fresh = new RawConnection(port)) {
            ConnectResponse created = fresh.handshake(0, new byte[16], CLOSE_TIMEOUT_MS);
            assertThat(created).as(label + " new session").isNotNull();
            assertThat(created.timeOut()).as(label + " new session timeout").isPositive();
            pooledSession = created.sessionId();
            pooledPassword = created.passwd();
        }
        try (RawConnection again = new RawConnection(port)) {
            assertThat(joinPooledSession(again)).as(label + " joins the new session").isTrue();
            mutate(again, rnd, kind, label);
        }
    }

    /** Handshakes into the pooled session; false if the server refused it. */
    private boolean joinPooledSession(RawConnection c) throws IOException {
        ConnectResponse r = c.handshake(pooledSession, pooledPassword, CLOSE_TIMEOUT_MS);
        if (r == null || r.timeOut() == 0) {
            return false;
        }
        pooledSession = r.sessionId();
        pooledPassword = r.passwd();
        return true;
    }

    private void mutate(RawConnection c, Random rnd, int kind, String label) throws IOException {
        int xid = 1 + rnd.nextInt(1000);
        FuzzFrames.Body valid = FuzzFrames.valid(rnd);
        switch (kind) {
            case 3 -> mustClose(c, frame(xid, FuzzFrames.UNKNOWN_OPCODES[rnd.nextInt(FuzzFrames.UNKNOWN_OPCODES.length)],
                    valid.bytes()), label + " unknown opcode");
            case 4 -> mustClose(c, frame(xid, valid.type(), FuzzFrames.truncate(rnd, valid.bytes())),
                    label + " truncated " + OpCode.name(valid.type()));
            case 5 -> {
                FuzzFrames.Body huge = FuzzFrames.hugeCount(rnd);
                mustClose(c, frame(xid, huge.type(), huge.bytes()), label + " huge count " + OpCode.name(huge.type()));
            }
            case 6 -> mustClose(c, FuzzFrames.lengthPrefixed(FuzzFrames.garbage(rnd, 6)), label + " short header");
            case 7 -> answerOrClose(c, FuzzFrames.lengthPrefixed(FuzzFrames.flipBits(rnd,
                    FuzzFrames.request(xid, valid.type(), valid.bytes()))), label + " bit flips");
            case 8 -> {
                int wrong = FuzzFrames.valid(rnd).type();
                answerOrClose(c, frame(xid, wrong, valid.bytes()),
                        label + " " + OpCode.name(valid.type()) + " body as " + OpCode.name(wrong));
            }
            default -> {
                byte[] good = frame(xid, valid.type(), valid.bytes());
                c.write(Arrays.copyOf(good, 1 + rnd.nextInt(good.length - 1)));
                c.shutdownOutput();
                assertThat(c.awaitClosedByServer(CLOSE_TIMEOUT_MS)).as(label + " truncated request, then EOF").isTrue();
            }
        }
    }

    private static byte[] frame(int xid, int type, byte[] body) {
        return FuzzFrames.lengthPrefixed(FuzzFrames.request(xid, type, body));
    }

    private static void mustClose(RawConnection c, byte[] bytes, String label) {
        c.write(bytes);
        assertThat(c.awaitClosedByServer(CLOSE_TIMEOUT_MS)).as(label + ": server must close the connection").isTrue();
    }

    /** A possibly-valid mutation: the server must answer a following probe or close the connection. */
    private static void answerOrClose(RawConnection c, byte[] bytes, String label) throws IOException {
        if (!c.write(bytes)) {
            return;
        }
        c.write(frame(PROBE_XID, OpCode.exists, FuzzFrames.bytes(new ExistsRequest("/", false))));
        try {
            c.awaitReplyOrClose(PROBE_XID, CLOSE_TIMEOUT_MS);
        } catch (IllegalStateException e) {
            throw new AssertionError(label + ": " + e.getMessage(), e);
        }
    }

    private void assertHealthy(ClientSession keeper, int batch) throws Exception {
        Stat eph = keeper.zk().exists("/keeper-ephemeral", false);
        assertThat(eph).as("long-lived ephemeral after batch " + batch).isNotNull();
        assertThat(eph.getEphemeralOwner()).isEqualTo(keeper.sessionId());
        keeper.zk().setData("/keeper-data", ("batch " + batch).getBytes(StandardCharsets.UTF_8), -1);
        try (ClientSession fresh = ClientSession.open(port, 10_000, null)) {
            String path = "/health-" + batch;
            fresh.zk().create(path, "ok".getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            assertThat(new String(fresh.zk().getData(path, false, null), StandardCharsets.UTF_8)).isEqualTo("ok");
        }
    }
}
