package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * {@code quorumlab dump} and {@code quorumlab restore} through the CLI's dispatcher ({@link Main#run}) against
 * real in-process QuorumLab servers: a round trip from a running server into a new one, the directories restore
 * refuses, and malformed dumps that are reported by line while the target keeps what it held.
 */
class DumpRestoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BINARY = {0, (byte) 0xff, 'x', '\n', (byte) 0x80};

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aDumpOfARunningServerRestoresIntoANewServerNodeForNode() throws Exception {
        Path source = dir.resolve("source");
        QuorumLabServer running = start(source);
        ZooKeeper zk = connect(running);
        fill(zk);
        zk.create("/sessions", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/sessions/me", "alive".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.EPHEMERAL);
        Map<String, String> before = walk(zk, "/");
        Stat sessionsBefore = zk.exists("/sessions", false);

        Result dump = cli(null, "dump", "--data-dir", source.toString());
        assertThat(dump.rc).as(dump.err).isZero();
        Map<String, JsonNode> dumped = nodesByPath(dump.out);
        assertThat(dumped).as("the session's ephemeral is dumped").containsKey("/sessions/me");
        assertThat(dumped.keySet()).containsAll(before.keySet());

        Path target = dir.resolve("target");
        Result restore = cli(dump.out, "restore", "--data-dir", target.toString());
        assertThat(restore.rc).as(restore.err).isZero();
        assertThat(restore.err).isEqualTo("restored " + (dumped.size() - 1) + " nodes into " + target + "\n");
        assertThat(running.mode()).as("the source kept serving").isEqualTo("standalone");
        assertThat(zk.exists("/sessions/me", false)).isNotNull();

        ZooKeeper restored = connect(start(target));
        Map<String, String> after = walk(restored, "/");
        Map<String, String> expected = new TreeMap<>(before);
        expected.remove("/sessions/me"); // its session does not exist in the new server
        expected.remove("/sessions");
        after.remove("/sessions");
        assertThat(after).isEqualTo(expected);
        Stat sessionsAfter = restored.exists("/sessions", false);
        assertThat(sessionsAfter.getNumChildren()).isZero();
        assertThat(sessionsAfter.getCversion()).as("as if the session had closed: one create, one delete")
                .isEqualTo(sessionsBefore.getCversion() + 1);
        assertThat(sessionsAfter.getPzxid()).isEqualTo(sessionsBefore.getPzxid());

        long lastZxid = Long.decode(JSON.readTree(dump.out).path("lastZxid").asText());
        Stat created = new Stat();
        restored.create("/after-restore", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, created);
        assertThat(created.getCzxid()).as("new writes continue after the dump's zxid").isGreaterThan(lastZxid);
    }

    @Test
    void restoreRefusesANonEmptyDirectoryWithoutForceAndReplacesItWithForce() throws Exception {
        String dump = dumpOf(dir.resolve("source"));

        Path stray = dir.resolve("stray");
        Files.createDirectories(stray);
        Files.writeString(stray.resolve("notes.txt"), "mine");
        Result refused = cli(dump, "restore", "--data-dir", stray.toString());
        assertOneLineError(refused, "quorumlab restore: " + stray + " is not empty (notes.txt); restore replaces "
                + "what a data directory holds only with --force");
        try (Stream<Path> left = Files.list(stray)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }

        Path data = dir.resolve("data");
        try (QuorumLabServer s = QuorumLabServer.start(ServerConfig.standalone(0, data))) {
            try (ZooKeeper zk = client(s)) {
                zk.create("/keep", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
        }
        Map<String, JsonNode> held = nodesByPath(cli(null, "dump", "--data-dir", data.toString()).out);
        refused = cli(dump, "restore", "--data-dir", data.toString());
        assertThat(refused.rc).isEqualTo(2);
        assertThat(refused.err).startsWith("quorumlab restore: " + data + " is not empty (").contains("quorumlab.db")
                .contains("only with --force");
        assertThat(nodesByPath(cli(null, "dump", "--data-dir", data.toString()).out)).as("nothing lost")
                .isEqualTo(held);

        Result forced = cli(dump, "restore", "--data-dir", data.toString(), "--force");
        assertThat(forced.rc).as(forced.err).isZero();
        ZooKeeper zk = connect(start(data));
        assertThat(zk.exists("/keep", false)).as("--force replaced the old tree").isNull();
        assertThat(zk.getData("/app/config", false, null)).isEqualTo(BINARY);
    }

    @Test
    void restoreRefusesTheDataDirectoryOfARunningServerEvenWithForce() throws Exception {
        String dump = dumpOf(dir.resolve("source"));
        Path data = dir.resolve("live");
        QuorumLabServer live = start(data);
        ZooKeeper zk = connect(live);
        zk.create("/keep", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

        Result refused = cli(dump, "restore", "--data-dir", data.toString(), "--force");
        assertOneLineError(refused, "quorumlab restore: " + data.toAbsolutePath() + " is in use by process "
                + ProcessHandle.current().pid() + " (server 1); stop it before restoring into its data directory");
        assertThat(zk.getData("/keep", false, null)).isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
        assertThat(zk.exists("/app", false)).isNull();
    }

    @Test
    void aMalformedDumpIsReportedByLineAndTheTargetKeepsWhatItHeld() throws Exception {
        String dump = dumpOf(dir.resolve("source"));
        List<String> lines = dump.lines().toList();
        Path data = dir.resolve("data");
        try (QuorumLabServer s = QuorumLabServer.start(ServerConfig.standalone(0, data))) {
            try (ZooKeeper zk = client(s)) {
                zk.create("/keep", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
        }
        Map<String, JsonNode> held = nodesByPath(cli(null, "dump", "--data-dir", data.toString()).out);

        int configLine = lineOf(lines, 0, "\"path\" : \"/app/config\"");
        int versionLine = lineOf(lines, configLine, "\"version\" :");
        List<String> broken = new ArrayList<>(lines);
        broken.set(versionLine, broken.get(versionLine).replace("\"version\" :", "\"version\" ::"));
        assertMalformed(data, held, String.join("\n", broken), "quorumlab restore: line " + (versionLine + 1)
                + ", column ", "not valid JSON: Unexpected character (':'");

        int dataLine = lineOf(lines, configLine, "\"data\" :");
        broken = new ArrayList<>(lines);
        broken.set(dataLine, "    \"data\" : \"not base64!\",");
        assertMalformed(data, held, String.join("\n", broken), "quorumlab restore: line " + (configLine + 1)
                + " (node #", "): /app/config: data is not base64");

        broken = new ArrayList<>(lines);
        broken.set(configLine, broken.get(configLine).replace("/app/config", "/nowhere/config"));
        assertMalformed(data, held, String.join("\n", broken), "quorumlab restore: line " + (configLine + 1)
                + " (node #", "): parent of /nowhere/config missing or listed after it");

        String truncated = String.join("\n", lines.subList(0, lines.size() / 2));
        assertMalformed(data, held, truncated, "quorumlab restore: line ", "not valid JSON: Unexpected end-of-input");
        assertMalformed(data, held, dump.replace("quorumlab-tree/1", "quorumlab-tree/9"),
                "quorumlab restore: not a QuorumLab tree dump (format must be quorumlab-tree/1, got 'quorumlab-tree/9')",
                "");

        Path fresh = dir.resolve("never-created");
        assertThat(cli(truncated, "restore", "--data-dir", fresh.toString()).rc).isEqualTo(2);
        assertThat(fresh).as("a refused restore creates nothing").doesNotExist();
    }

    @Test
    void dumpAndRestoreRejectBadArguments() throws Exception {
        assertOneLineError(cli(null, "dump", "--data-dir", dir.resolve("empty").toString()),
                "quorumlab dump: no QuorumLab data in " + dir.resolve("empty"));
        assertOneLineError(cli(null, "dump"), "quorumlab dump: --data-dir is required");
        assertOneLineError(cli(null, "dump", "--data-dir", dir.toString(), "--force"),
                "quorumlab dump: unknown option --force (dump only reads)");
        assertOneLineError(cli("{}", "restore", "--data-dir", dir.resolve("x").toString(), "--froce"),
                "quorumlab restore: unknown option --froce");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneLineError(cli("{}", "restore", "--data-dir", file.toString()),
                "quorumlab restore: " + file + " is not a directory");
    }

    // ------------------------------------------------------------------ helpers

    private void assertMalformed(Path data, Map<String, JsonNode> held, String input, String prefix, String detail)
            throws Exception {
        Result r = cli(input, "restore", "--data-dir", data.toString(), "--force");
        assertThat(r.rc).as(r.err).isEqualTo(2);
        assertThat(r.err).startsWith(prefix).contains(detail).endsWith("\n");
        assertThat(r.err.strip().lines().count()).as("one line: %s", r.err).isEqualTo(1);
        assertThat(nodesByPath(cli(null, "dump", "--data-dir", data.toString()).out)).as("nothing lost after %s", r.err)
                .isEqualTo(held);
    }

    private static void assertOneLineError(Result r, String expected) {
        assertThat(r.rc).as(r.err).isEqualTo(2);
        assertThat(r.err).isEqualTo(expected + "\n");
    }

    /** Index of the first line at or after {@code from} that contains {@code text}. */
    private static int lineOf(List<String> lines, int from, String text) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " after line " + from);
    }

    /** A dump of a server (stopped afterwards) holding {@link #fill}'s tree. */
    private String dumpOf(Path data) throws Exception {
        try (QuorumLabServer s = QuorumLabServer.start(ServerConfig.standalone(0, data))) {
            try (ZooKeeper zk = client(s)) {
                fill(zk);
            }
        }
        Result dump = cli(null, "dump", "--data-dir", data.toString());
        assertThat(dump.rc).as(dump.err).isZero();
        return dump.out;
    }

    /** Binary and empty data, versions above 0, a digest ACL, a container, a TTL node and sequential names. */
    private static void fill(ZooKeeper zk) throws Exception {
        zk.create("/app", "root".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/app/config", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.setData("/app/config", "v1".getBytes(StandardCharsets.UTF_8), 0);
        zk.setData("/app/config", BINARY, 1);
        zk.create("/app/empty", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        // a mutable list: the client's ACL check asks it whether it contains null
        List<ACL> acl = new ArrayList<>(List.of(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE),
                new ACL(ZooDefs.Perms.ALL, new Id("digest", "alice:O0IA6Ra0oWU76MkuDBSFcqAxVoI="))));
        zk.create("/app/secured", "s".getBytes(StandardCharsets.UTF_8), acl, CreateMode.PERSISTENT);
        zk.create("/jobs", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        for (int i = 0; i < 3; i++) {
            zk.create("/jobs/job-", new byte[] {(byte) i}, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
        }
        zk.delete("/jobs/job-0000000001", 0);
        zk.create("/lease", "ttl".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_WITH_TTL, new Stat(), 3_600_000);
    }

    /** Every node under {@code path}: data, ACL, stat (numChildren via the child list) and children. */
    private static Map<String, String> walk(ZooKeeper zk, String path) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Stat stat = new Stat();
        byte[] data = zk.getData(path, false, stat);
        List<String> children = new ArrayList<>(zk.getChildren(path, false));
        children.sort(null);
        String statText = stat.getCzxid() + "/" + stat.getMzxid() + "/" + stat.getPzxid() + "/" + stat.getCtime() + "/"
                + stat.getMtime() + "/" + stat.getVersion() + "/" + stat.getCversion() + "/" + stat.getAversion() + "/"
                + stat.getEphemeralOwner() + "/" + stat.getDataLength();
        out.put(path, "data=" + (data == null ? "null" : java.util.Arrays.toString(data)) + " acl="
                + zk.getACL(path, new Stat()) + " stat=" + statText + " children=" + children);
        for (String c : children) {
            out.putAll(walk(zk, path.equals("/") ? "/" + c : path + "/" + c));
        }
        return out;
    }

    private static Map<String, JsonNode> nodesByPath(String dump) throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode n : JSON.readTree(dump).path("nodes")) {
            out.put(n.path("path").asText(), n);
        }
        assertThat(out).as("a dump lists nodes").isNotEmpty();
        return out;
    }

    private QuorumLabServer start(Path data) {
        QuorumLabServer s = QuorumLabServer.start(ServerConfig.standalone(0, data));
        open.add(s);
        return s;
    }

    /** A client closed after the test. */
    private ZooKeeper connect(QuorumLabServer server) throws Exception {
        ZooKeeper zk = client(server);
        open.add(zk);
        return zk;
    }

    private static ZooKeeper client(QuorumLabServer server) {
        return ZooKeeperClients.connect("127.0.0.1:" + server.port(), 30_000, Duration.ofSeconds(30));
    }

    private record Result(int rc, String out, String err) {
    }

    private static Result cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(args, new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
