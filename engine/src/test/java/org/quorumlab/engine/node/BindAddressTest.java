package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.engine.testing.ConnectedClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.FourLetterWordWhitelist;
import org.quorumlab.engine.config.ServerConfigBuilder;

/**
 * Each port binds the address its configuration names, never the wildcard: the quorum port the
 * host of {@code server.N}, the client port the {@code ;host:port} of that line (or
 * {@code clientPortAddress}). Three members on 127.0.0.2, .3 and .4 (which route to loopback on
 * Linux without setup) elect a leader and serve a write, and nothing answers on another loopback
 * address (127.0.0.9, which no test binds, as a wildcard-bound port would). The
 * four-letter word {@code conf} and {@code /zookeeper/config} advertise no election port.
 */
class BindAddressTest {

    private static final String ELSEWHERE = "127.0.0.9";

    @TempDir
    Path dir;
    private final List<QuorumLabServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(QuorumLabServer::close);
    }

    @Test
    void membersBindTheAddressesOfTheirServerLines() throws Exception {
        List<QuorumServerSpec> specs = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            String host = "127.0.0." + (id + 1);
            specs.add(new QuorumServerSpec(id, host, freePort(host), false, host, freePort(host)));
        }
        for (QuorumServerSpec s : specs) {
            ServerConfigBuilder b = new ServerConfigBuilder().serverId(s.id()).tickTime(100).initLimit(10)
                    .fourLetterWords(FourLetterWordWhitelist.ALL)
                    .syncLimit(5).dataDir(dir.resolve("node" + s.id())).clientPortAddress("0.0.0.0");
            specs.forEach(b::addServer);
            servers.add(QuorumLabServer.start(b.build()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream().allMatch(s ->
                s.mode().equals("leader") || s.mode().equals("follower")));

        for (QuorumServerSpec s : specs) {
            assertAccepts(s.host(), s.quorumPort());
            assertRefused(ELSEWHERE, s.quorumPort());
            assertAccepts(s.clientHost(), s.clientPort());
            assertRefused(ELSEWHERE, s.clientPort());
        }
        String connect = specs.get(0).host() + ":" + specs.get(0).clientPort() + "," + specs.get(2).host() + ":"
                + specs.get(2).clientPort();
        try (ZooKeeper zk = ConnectedClients.connect(connect, 10_000)) {
            zk.create("/bound", "ok".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            String config = new String(zk.getConfig(false, null), StandardCharsets.UTF_8);
            assertThat(config).contains("server.1=127.0.0.2:" + specs.get(0).quorumPort() + ":0:participant;127.0.0.2:"
                    + specs.get(0).clientPort());
        }
        String conf = fourLetter(specs.get(1).clientHost(), specs.get(1).clientPort(), "conf");
        assertThat(conf).contains("quorumPort=" + specs.get(1).quorumPort()).doesNotContain("electionPort");
    }

    private static void assertAccepts(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
        }
    }

    private static void assertRefused(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
            throw new AssertionError(host + ":" + port + " accepted a connection: the port is bound too widely");
        } catch (ConnectException expected) {
            // bound to its own address only
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String fourLetter(String host, int port, String word) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }
}
