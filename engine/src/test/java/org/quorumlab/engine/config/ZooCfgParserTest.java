package org.quorumlab.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** zoo.cfg from real files: every key QuorumLab reads, every key it ignores, and bad values named by file:line. */
class ZooCfgParserTest {

    @TempDir
    Path dir;

    /** Every key the parser reads, each set away from its default; the aliases are in {@link #ALIASES}. */
    private static final List<String> EVERY_KEY = List.of(
            "# every key QuorumLab reads, each away from its default",
            "myid=2",
            "clientPort=2281",
            "clientPortAddress=127.0.0.1",
            "dataDir=state",
            "tickTime=500",
            "minSessionTimeout=1500",
            "maxSessionTimeout=30000",
            "maxClientCnxns=7",
            "jute.maxbuffer=0x200000",
            "extendedTypesEnabled=false",
            "superDigest=" + digest("super", "secret"),
            "skipACL=yes",
            "snapCount=123",
            "container.checkIntervalMs=2500",
            "reconfigEnabled=false",
            "initLimit=4",
            "syncLimit=3",
            "admin.serverPort=9099",
            "globalOutstandingLimit=64",
            "admin.serverAddress=127.0.0.2",
            "admin.tokenFile=admin.token",
            "4lw.commands.whitelist=ruok, stat",
            "autopurge.snapRetainCount=5",
            "autopurge.purgeInterval=2",
            "autopurge.afterSnapshot=true",
            "enforceQuota=true",
            "server.1=127.0.0.1:2888:3888;2181",
            "server.2=127.0.0.1:2889:3889:participant;127.0.0.1:2182",
            "server.3=localhost:2890:3890:observer;0.0.0.0:2183");

    /** ZooKeeper's other names of four keys. */
    private static final List<String> ALIASES = List.of(
            "zookeeper.extendedTypesEnabled=false",
            "DigestAuthenticationProvider.superDigest=" + digest("admin", "pw"),
            "znode.container.checkIntervalMs=3500",
            "zookeeper.enforceQuota=true");

    @Test
    void everySupportedKeyReachesTheConfig() throws IOException {
        Set<String> covered = new TreeSet<>();
        Stream.concat(EVERY_KEY.stream(), ALIASES.stream()).filter(l -> !l.startsWith("#") && !l.startsWith("server."))
                .forEach(l -> covered.add(l.substring(0, l.indexOf('='))));
        assertThat(covered).as("this test sets every key the parser reads").isEqualTo(ZooCfgParser.supportedKeys());

        java.nio.file.Files.writeString(dir.resolve("admin.token"), "a-token-of-at-least-16-chars");
        java.nio.file.Files.setPosixFilePermissions(dir.resolve("admin.token"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ServerConfig c = ZooCfgParser.parse(write(EVERY_KEY));
        ServerConfig defaults = new ServerConfigBuilder().build();
        assertThat(c.serverId()).isEqualTo(2).isNotEqualTo(defaults.serverId());
        assertThat(c.clientPort()).isEqualTo(2281);
        assertThat(c.clientPortAddress()).isEqualTo("127.0.0.1").isNotEqualTo(defaults.clientPortAddress());
        assertThat(c.dataDir()).as("relative to the file's directory").isEqualTo(dir.toAbsolutePath().resolve("state"));
        assertThat(c.tickTime()).isEqualTo(500);
        assertThat(c.minSessionTimeout()).isEqualTo(1500).isNotEqualTo(2 * 500);
        assertThat(c.maxSessionTimeout()).isEqualTo(30000).isNotEqualTo(20 * 500);
        assertThat(c.maxClientCnxns()).isEqualTo(7);
        assertThat(c.juteMaxBuffer()).isEqualTo(0x200000);
        assertThat(c.extendedTypesEnabled()).isFalse().isNotEqualTo(defaults.extendedTypesEnabled());
        assertThat(c.superDigest()).isEqualTo(digest("super", "secret"));
        assertThat(c.skipAcl()).isTrue().isNotEqualTo(defaults.skipAcl());
        assertThat(c.snapCount()).isEqualTo(123);
        assertThat(c.containerCheckIntervalMs()).isEqualTo(2500);
        assertThat(c.reconfigEnabled()).isFalse().isNotEqualTo(defaults.reconfigEnabled());
        assertThat(c.initLimit()).isEqualTo(4);
        assertThat(c.syncLimit()).isEqualTo(3);
        assertThat(c.adminPort()).isEqualTo(9099);
        assertThat(c.globalOutstandingLimit()).isEqualTo(64);
        assertThat(c.adminServerAddress()).isEqualTo("127.0.0.2").isNotEqualTo(defaults.adminServerAddress());
        assertThat(c.adminToken()).isNotNull();
        assertThat(c.fourLetterWords().words()).containsExactlyInAnyOrder("ruok", "stat", "srvr");
        assertThat(c.snapRetainCount()).isEqualTo(5);
        assertThat(c.purgeInterval()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(c.purgeAfterSnapshot()).isTrue().isNotEqualTo(defaults.purgeAfterSnapshot());
        assertThat(c.enforceQuota()).isTrue().isNotEqualTo(defaults.enforceQuota());
        assertThat(c.servers()).containsExactly(
                new QuorumServerSpec(1, "127.0.0.1", 2888, false, "0.0.0.0", 2181),
                new QuorumServerSpec(2, "127.0.0.1", 2889, false, "127.0.0.1", 2182),
                new QuorumServerSpec(3, "localhost", 2890, true, "0.0.0.0", 2183));
        assertThat(c.isReplicated()).isTrue();

        ServerConfig aliased = ZooCfgParser.parse(write(ALIASES));
        assertThat(aliased.extendedTypesEnabled()).isFalse();
        assertThat(aliased.superDigest()).isEqualTo(digest("admin", "pw"));
        assertThat(aliased.containerCheckIntervalMs()).isEqualTo(3500);
        assertThat(aliased.enforceQuota()).isTrue();
    }

    @Test
    void sessionTimeoutsDeriveFromTickTimeUnlessSetOrMinusOne() throws IOException {
        ServerConfig derived = ZooCfgParser.parse(write(List.of("tickTime=300")));
        assertThat(derived.minSessionTimeout()).isEqualTo(600);
        assertThat(derived.maxSessionTimeout()).isEqualTo(6000);
        ServerConfig minusOne = ZooCfgParser.parse(write(List.of("tickTime=300", "minSessionTimeout=-1",
                "maxSessionTimeout=-1")));
        assertThat(minusOne).isEqualTo(derived);
    }

    @Test
    void everyIgnoredZooKeeperKeyIsAcceptedAndChangesNothing() throws IOException {
        List<String> lines = new ArrayList<>();
        ZooCfgParser.IGNORED_KEYS.forEach(k -> lines.add(k + "=anything at all"));
        ServerConfig ignored = ZooCfgParser.parse(write(lines));
        // each one warned about, once, at its own line; nothing else differs
        assertThat(ignored.warnings()).hasSize(ZooCfgParser.IGNORED_KEYS.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(ignored.warnings().get(i)).endsWith(":" + (i + 1) + ": " + ZooCfgParser.IGNORED_KEYS.get(i)
                    + " is a ZooKeeper setting QuorumLab does not implement; ignored");
        }
        assertThat(ignored.toBuilder().build()).usingRecursiveComparison().ignoringFields("warnings")
                .isEqualTo(ZooCfgParser.parse(write(List.of("# empty"))));
    }

    @Test
    void skipAclTakesZooKeepersYesAndNo() throws IOException {
        assertThat(ZooCfgParser.parse(write(List.of("skipACL=no"))).skipAcl()).isFalse();
        assertThat(ZooCfgParser.parse(write(List.of("skipACL=YES"))).skipAcl()).isTrue();
        assertThat(ZooCfgParser.parse(write(List.of("skipACL=false"))).skipAcl()).isFalse();
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndALatin1CommentAreRead() throws IOException {
        Path file = dir.resolve("zoo.cfg");
        byte[] comment = "# réglages\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = "\uFEFFtickTime=400\r\nclientPort=2300\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + comment.length];
        System.arraycopy(body, 0, bytes, 0, body.length);
        System.arraycopy(comment, 0, bytes, body.length, comment.length);
        Files.write(file, bytes);
        ServerConfig c = ZooCfgParser.parse(file);
        assertThat(c.tickTime()).isEqualTo(400);
        assertThat(c.clientPort()).isEqualTo(2300);
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("clientPort=abc", "'abc' is not a number for clientPort"),
                Arguments.of("clientPort=65536", "clientPort must be 0..65535, got 65536"),
                Arguments.of("clientPort=-1", "clientPort must be 0..65535, got -1"),
                Arguments.of("clientPortAddress=", "clientPortAddress needs a value"),
                Arguments.of("dataDir=", "dataDir needs a value"),
                Arguments.of("dataDir=a\u0000b", "is not a valid path for dataDir"),
                Arguments.of("tickTime=0", "tickTime must be 1..107374182, got 0"),
                Arguments.of("tickTime=200000000", "tickTime must be 1..107374182, got 200000000"),
                Arguments.of("tickTime=fast", "'fast' is not a number for tickTime"),
                Arguments.of("minSessionTimeout=-2", "minSessionTimeout must be at least -1, got -2"),
                Arguments.of("maxSessionTimeout=1e4", "'1e4' is not a number for maxSessionTimeout"),
                Arguments.of("maxClientCnxns=-1", "maxClientCnxns must be at least 0, got -1"),
                Arguments.of("maxClientCnxns=3000000000", "maxClientCnxns must be at most 2147483647, got 3000000000"),
                Arguments.of("jute.maxbuffer=0", "jute.maxbuffer must be at least 1, got 0"),
                Arguments.of("jute.maxbuffer=0xZZ", "'0xZZ' is not a number for jute.maxbuffer"),
                Arguments.of("extendedTypesEnabled=yes", "'yes' is not true/false for extendedTypesEnabled"),
                Arguments.of("zookeeper.extendedTypesEnabled=1", "'1' is not true/false for extendedTypesEnabled"),
                Arguments.of("superDigest=super", "superDigest must be user:base64(sha1(\"user:password\"))"),
                Arguments.of("superDigest=super:not base64!", "superDigest must be user:base64"),
                Arguments.of("superDigest=super:c2hvcnQ=", "superDigest must be user:base64"),
                Arguments.of("DigestAuthenticationProvider.superDigest=" + digest("x", "y").substring(1),
                        "superDigest must be user:base64"),
                Arguments.of("skipACL=maybe", "'maybe' is not yes/no for skipACL"),
                Arguments.of("snapCount=0", "snapCount must be at least 1, got 0"),
                Arguments.of("container.checkIntervalMs=0", "container.checkIntervalMs must be at least 1, got 0"),
                Arguments.of("reconfigEnabled=on", "'on' is not true/false for reconfigEnabled"),
                Arguments.of("initLimit=0", "initLimit must be at least 1, got 0"),
                Arguments.of("syncLimit=-3", "syncLimit must be at least 1, got -3"),
                Arguments.of("admin.serverPort=70000", "admin.serverPort must be -1..65535, got 70000"),
                Arguments.of("globalOutstandingLimit=0", "globalOutstandingLimit must be at least 1, got 0"),
                Arguments.of("myid=abc", "'abc' is not a server id for myid (1..255)"),
                Arguments.of("myid=0", "server id 0 in myid is out of range"),
                Arguments.of("myid=256", "server id 256 in myid is out of range"),
                Arguments.of("server.x=127.0.0.1:2888:3888", "'x' is not a server id for server.x"),
                Arguments.of("server.300=127.0.0.1:2888:3888", "server id 300 in server.300 is out of range"),
                Arguments.of("server.1=127.0.0.1:2888", "server.1 must be host:quorumPort:electionPort"),
                Arguments.of("server.1=127.0.0.1:2888:3888:witness", "unknown role 'witness' for server.1"),
                Arguments.of("server.1=127.0.0.1:2888:70000", "server.1 election port 70000 is out of range 0..65535"),
                Arguments.of("server.1=127.0.0.1:http:3888", "server.1 has a bad quorum port 'http'"),
                Arguments.of("server.1=127.0.0.1:2888:3888;127.0.0.1:x", "server.1 has a bad client port 'x'"),
                Arguments.of("server.1=127.0.0.1:2888:3888;0", "server.1 client port 0 is out of range 1..65535"),
                Arguments.of("server.1=:2888:3888", "server.1 has no host"),
                Arguments.of("autopurge.purgeInterval=24", "autopurge.purgeInterval is set twice (first at line 2)"),
                Arguments.of("tickTme=2000", "unknown key 'tickTme'"),
                Arguments.of("just some words", "expected key=value, got 'just some words'"),
                Arguments.of("=2181", "expected key=value, got '=2181'"));
    }

    /** The bad line is line 4, after a comment, a good line and a blank one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void aBadValueIsNamedByFileAndLine(String badLine, String expected) throws IOException {
        Path file = write(List.of("# one bad line below", "autopurge.purgeInterval=1", "", badLine, "syncLimit=5"));
        assertRejected(file, 4, expected);
    }

    @Test
    void sessionTimeoutsInConflictNameTheLaterLine() throws IOException {
        assertRejected(write(List.of("minSessionTimeout=9000", "maxSessionTimeout=8000", "tickTime=100")), 2,
                "minSessionTimeout 9000 is larger than maxSessionTimeout 8000");
        assertRejected(write(List.of("tickTime=2000", "#", "maxSessionTimeout=3000")), 3,
                "minSessionTimeout 4000 (2 × tickTime) is larger than maxSessionTimeout 3000");
        assertRejected(write(List.of("minSessionTimeout=50000")), 1,
                "minSessionTimeout 50000 is larger than maxSessionTimeout 40000 (20 × tickTime)");
    }

    @Test
    void aServerOrKeyGivenTwiceNamesBothLines() throws IOException {
        assertRejected(write(List.of("server.1=127.0.0.1:2888:3888", "server.2=127.0.0.1:2889:3889", "myid=1",
                "server.01=127.0.0.1:2890:3890")), 4, "server.1 is listed twice (first at line 1)");
        assertRejected(write(List.of("superDigest=" + digest("super", "a"),
                "DigestAuthenticationProvider.superDigest=" + digest("super", "b"))), 2,
                "DigestAuthenticationProvider.superDigest is set twice (first at line 1)");
        assertRejected(write(List.of("clientPort=2181", "clientPort=2182")), 2,
                "clientPort is set twice (first at line 1)");
    }

    @Test
    void serverId255ClashesWithTtlOwnersUnlessExtendedTypesAreOff() throws IOException {
        assertRejected(write(List.of("clientPort=2181", "myid=255")), 2,
                "server id 255 is too large with extended types (TTL nodes) enabled");
        assertThat(ZooCfgParser.parse(write(List.of("myid=255", "extendedTypesEnabled=false"))).serverId())
                .isEqualTo(255);
    }

    @Test
    void anEnsembleMemberTakesItsIdFromZooKeepersMyidFile() throws IOException {
        List<String> ensemble = List.of("dataDir=zk-data", "server.1=127.0.0.1:2888:3888",
                "server.2=127.0.0.1:2889:3889");
        Path file = write(ensemble);
        Path myid = dir.resolve("zk-data").resolve("myid");
        assertThatThrownBy(() -> ZooCfgParser.parse(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": the server.N lines need this server's id: add myid=N, or write N "
                        + "into " + dir.toAbsolutePath().resolve("zk-data").resolve("myid"));

        Files.createDirectories(myid.getParent());
        Files.writeString(myid, "2\n");
        assertThat(ZooCfgParser.parse(file).serverId()).isEqualTo(2);

        Files.writeString(myid, "two\n");
        assertThatThrownBy(() -> ZooCfgParser.parse(file)).isInstanceOf(ConfigException.class)
                .hasMessage(dir.toAbsolutePath().resolve("zk-data").resolve("myid") + ":1: 'two' is not a server id "
                        + "for myid (1..255)");

        List<String> withKey = new ArrayList<>(ensemble);
        withKey.add("myid=1");
        assertThat(ZooCfgParser.parse(write(withKey)).serverId()).as("myid= wins over the file").isEqualTo(1);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.cfg");
        assertThatThrownBy(() -> ZooCfgParser.parse(missing)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read " + missing);
    }

    private static void assertRejected(Path file, int line, String expected) {
        assertThatThrownBy(() -> ZooCfgParser.parse(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":" + line + ": ")
                .hasMessageContaining(expected);
    }

    private Path write(List<String> lines) throws IOException {
        Path file = Files.createTempFile(dir, "zoo", ".cfg");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String digest(String user, String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA1").digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
