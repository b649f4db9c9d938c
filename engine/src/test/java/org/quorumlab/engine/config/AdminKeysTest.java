package org.quorumlab.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zoo.cfg's {@code admin.serverAddress} and {@code admin.tokenFile}: every problem with the token
 * file is one error naming the zoo.cfg line and the file, found while parsing, before anything
 * starts. And {@code server.N} lines: any election port parses, none is advertised.
 */
class AdminKeysTest {

    @TempDir
    Path dir;

    @Test
    void theTokenFileIsReadOnceAndItsSecretNeverPrinted() throws IOException {
        Path file = token("admin.token", "rw-------", "s3cret-token-of-32-characters-xx\n");
        ServerConfig c = parse("clientPort=2181", "admin.serverPort=8080", "admin.serverAddress=10.1.2.3",
                "admin.tokenFile=admin.token");
        assertThat(c.adminServerAddress()).isEqualTo("10.1.2.3");
        assertThat(c.adminToken().file()).isEqualTo(file);
        assertThat(c.adminToken().matches("s3cret-token-of-32-characters-xx")).isTrue();
        assertThat(c.adminToken().matches("s3cret-token-of-32-characters-x")).isFalse();
        assertThat(c.adminToken().matches(null)).isFalse();
        assertThat(c.toString()).doesNotContain("s3cret").contains("admin token from " + file);
        assertThat(c.toBuilder().build().adminToken()).isSameAs(c.adminToken());
    }

    @Test
    void withoutKeysTheAdminServerBindsLoopbackAndHasNoToken() {
        ServerConfig c = parse("clientPort=2181", "admin.serverPort=8080");
        assertThat(c.adminServerAddress()).isEqualTo("127.0.0.1");
        assertThat(c.adminToken()).isNull();
    }

    @Test
    void aBadTokenFileIsOneErrorNamingTheLineAndTheFile() throws IOException {
        assertRefused("admin.tokenFile=missing.token", "zoo.cfg:2: admin.tokenFile " + dir.resolve("missing.token")
                + " does not exist");
        token("open.token", "rw-r--r--", "0123456789abcdef0123");
        assertRefused("admin.tokenFile=open.token", "zoo.cfg:2: admin.tokenFile " + dir.resolve("open.token")
                + " may be read or changed by other users (rw-r--r--); run: chmod 600 " + dir.resolve("open.token"));
        token("writable.token", "rw--w----", "0123456789abcdef0123");
        assertRefused("admin.tokenFile=writable.token", "may be read or changed by other users");
        token("empty.token", "rw-------", "\n");
        assertRefused("admin.tokenFile=empty.token", "is empty");
        token("short.token", "rw-------", "tiny");
        assertRefused("admin.tokenFile=short.token", "too short (4 characters; at least 16)");
        token("two.token", "rw-------", "first-half-of-it second-half-of-it");
        assertRefused("admin.tokenFile=two.token", "one token of visible ASCII characters on one line");
        Files.createDirectories(dir.resolve("a-directory"));
        assertRefused("admin.tokenFile=a-directory", "is not a regular file");
        Path unreadable = token("unreadable.token", "-w-------", "0123456789abcdef0123");
        if (Files.isReadable(unreadable)) {
            return; // running as root: every file is readable
        }
        assertRefused("admin.tokenFile=unreadable.token", "is not readable by this user");
    }

    @Test
    void anEmptyAdminAddressIsRefused() {
        assertThatThrownBy(() -> parse("admin.serverAddress=")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.serverAddress needs a value");
    }

    @Test
    void anElectionPortParsesButIsNeverAdvertised() throws Exception {
        ServerConfig c = parse("server.1=127.0.0.2:2888:3888;127.0.0.2:2181",
                "server.2=127.0.0.3:2889:0:observer;2182", "myid=1");
        assertThat(c.servers().get(0).toConfigLine()).isEqualTo("server.1=127.0.0.2:2888:0:participant;127.0.0.2:2181");
        assertThat(c.servers().get(1).toConfigLine()).isEqualTo("server.2=127.0.0.3:2889:0:observer;0.0.0.0:2182");
        assertThat(DynamicConfig.of(0, c.servers()).connectString()).isEqualTo("127.0.0.2:2181,127.0.0.3:2182");
        assertThatThrownBy(() -> parse("server.1=127.0.0.2:2888:x")).hasMessageContaining("server.1 has a bad election port 'x'");
        assertThatThrownBy(() -> parse("server.1=127.0.0.2:2888")).hasMessageContaining("host:quorumPort:electionPort");
        for (QuorumServerSpec s : c.servers()) {
            // what clients such as Curator's ensemble tracker parse out of /zookeeper/config
            String line = s.toConfigLine();
            QuorumPeer.QuorumServer zk = new QuorumPeer.QuorumServer(s.id(), line.substring(line.indexOf('=') + 1));
            assertThat(zk.addr.getAllPorts()).containsExactly(s.quorumPort());
            assertThat(zk.clientAddr.getPort()).isEqualTo(s.clientPort());
        }
    }

    private void assertRefused(String line, String message) {
        assertThatThrownBy(() -> parse("clientPort=2181", line)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message).hasMessageStartingWith("zoo.cfg:2: ");
    }

    private ServerConfig parse(String... lines) {
        return ZooCfgParser.parse("zoo.cfg", List.of(lines), dir);
    }

    private Path token(String name, String mode, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }
}
