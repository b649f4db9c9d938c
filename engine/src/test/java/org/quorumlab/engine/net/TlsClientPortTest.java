package org.quorumlab.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ZooCfgParser;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * {@code secureClientPort} with ZooKeeper's {@code ssl.*} keys, from the official 3.9.3 client
 * ({@code zookeeper.client.secure=true} over {@code ClientCnxnSocketNetty}) and from Curator; the
 * plaintext port keeps working beside it; plaintext or certificate-less clients on the TLS port
 * are closed without disturbing anyone else; a bad store stops the start with one line.
 */
class TlsClientPortTest {

    @TempDir
    static Path certs;
    static Path serverKeys;
    static Path clientKeys;
    static Path strangerKeys;
    /** Trusts the server and the client, not the stranger. */
    static Path trusted;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverKeys = TestCertificates.issue(certs, "server");
        clientKeys = TestCertificates.issue(certs, "client");
        strangerKeys = TestCertificates.issue(certs, "stranger");
        trusted = TestCertificates.trust(certs, "trusted", serverKeys, clientKeys);
    }

    /** zoo.cfg for a server with both client ports; {@code overrides} ({@code key=value}) replace or add keys. */
    private ServerConfig config(String... overrides) {
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String line : List.of("clientPort=0", "secureClientPort=0", "clientPortAddress=127.0.0.1",
                "dataDir=" + dir.resolve("data"), "ssl.keyStore.location=" + serverKeys,
                "ssl.keyStore.password=" + TestCertificates.PASSWORD, "ssl.trustStore.location=" + trusted,
                "ssl.trustStore.password=" + TestCertificates.PASSWORD)) {
            keys.put(line.substring(0, line.indexOf('=')), line);
        }
        for (String line : overrides) {
            keys.put(line.substring(0, line.indexOf('=')), line);
        }
        return ZooCfgParser.parse("zoo.cfg", List.copyOf(keys.values()), dir);
    }

    private static ZKClientConfig secureClient(Path keyStore) {
        ZKClientConfig cfg = new ZKClientConfig();
        cfg.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        cfg.setProperty("zookeeper.client.secure", "true");
        cfg.setProperty("zookeeper.clientCnxnSocket", "org.apache.zookeeper.ClientCnxnSocketNetty");
        if (keyStore != null) {
            cfg.setProperty("zookeeper.ssl.keyStore.location", keyStore.toString());
            cfg.setProperty("zookeeper.ssl.keyStore.password", TestCertificates.PASSWORD);
        }
        cfg.setProperty("zookeeper.ssl.trustStore.location", trusted.toString());
        cfg.setProperty("zookeeper.ssl.trustStore.password", TestCertificates.PASSWORD);
        return cfg;
    }

    @Test
    void officialClientAndCuratorWorkOverTlsBesideThePlaintextPort() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(config())) {
            assertThat(server.securePort()).isPositive().isNotEqualTo(server.port());
            ZooKeeper secure = new ZooKeeper("127.0.0.1:" + server.securePort(), 10_000, e -> { },
                    secureClient(clientKeys));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> secure.getState().isConnected());
                secure.create("/over-tls", "secret".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            } finally {
                secure.close();
            }

            CuratorFramework curator = CuratorFrameworkFactory.builder()
                    .connectString("127.0.0.1:" + server.securePort()).retryPolicy(new RetryOneTime(100))
                    .zkClientConfig(secureClient(clientKeys)).build();
            curator.start();
            try {
                assertThat(curator.blockUntilConnected(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(new String(curator.getData().forPath("/over-tls"), StandardCharsets.UTF_8))
                        .isEqualTo("secret");
                curator.create().forPath("/by-curator", new byte[] {7});
            } finally {
                curator.close();
            }

            ZooKeeper plain = new ZooKeeper("127.0.0.1:" + server.port(), 10_000, e -> { });
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> plain.getState().isConnected());
                assertThat(plain.exists("/by-curator", false)).isNotNull();
            } finally {
                plain.close();
            }
        }
    }

    @Test
    void plaintextAndUntrustedClientsOnTheTlsPortAreClosedAndOthersKeepWorking() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(config())) {
            ZooKeeper secure = new ZooKeeper("127.0.0.1:" + server.securePort(), 10_000, e -> { },
                    secureClient(clientKeys));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> secure.getState().isConnected());

                // A ZooKeeper connect request in plaintext: the TLS port closes the connection.
                try (Socket raw = new Socket("127.0.0.1", server.securePort())) {
                    raw.setSoTimeout(30_000);
                    assertThat(connectOver(raw)).isEqualTo("closed");
                }
                assertThat(handshakeAndConnect(server.securePort(), clientKeys)).as("a trusted client")
                        .isEqualTo("answered");
                assertThat(handshakeAndConnect(server.securePort(), null))
                        .as("no certificate where ssl.clientAuth (default need) requires one").isEqualTo("closed");
                assertThat(handshakeAndConnect(server.securePort(), strangerKeys))
                        .as("a certificate the server does not trust").isEqualTo("closed");

                secure.setData("/", "still served".getBytes(StandardCharsets.UTF_8), -1);
                assertThat(new String(secure.getData("/", false, null), StandardCharsets.UTF_8))
                        .isEqualTo("still served");
            } finally {
                secure.close();
            }
        }
    }

    @Test
    void clientAuthNoneLetsAClientWithoutACertificateIn() throws Exception {
        try (QuorumLabServer server = QuorumLabServer.start(config("ssl.clientAuth=none"))) {
            ZooKeeper secure = new ZooKeeper("127.0.0.1:" + server.securePort(), 10_000, e -> { },
                    secureClient(null));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> secure.getState().isConnected());
                assertThat(secure.exists("/", false)).isNotNull();
            } finally {
                secure.close();
            }
        }
    }

    @Test
    void aBadStoreStopsTheStartWithOneLineAndLeavesNoPortBound() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatThrownBy(() -> QuorumLabServer.start(config("clientPort=" + port, "ssl.keyStore.password=wrong")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ssl.keyStore.location " + serverKeys + ": wrong ssl.keyStore.password");
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }

        assertThatThrownBy(() -> QuorumLabServer.start(config("ssl.trustStore.location=missing.p12")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("ssl.trustStore.location " + dir.resolve("missing.p12") + ": no such readable file");
        assertThatThrownBy(() -> ZooCfgParser.parse("zoo.cfg", List.of("secureClientPort=2281"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("zoo.cfg: secureClientPort needs ssl.keyStore.location (the server's certificate)");
        assertThatThrownBy(() -> ZooCfgParser.parse("zoo.cfg", List.of("ssl.clientAuth=sometimes"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("zoo.cfg:1: 'sometimes' is not none, want or need");
    }

    /**
     * A JDK TLS client, trusting the server and presenting {@code keyStore}'s certificate if given,
     * sends a ZooKeeper connect request: "answered" or "closed" (a timeout fails the test).
     */
    private static String handshakeAndConnect(int port, Path keyStore) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(trusted)) {
            ts.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        javax.net.ssl.KeyManager[] keys = null;
        if (keyStore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
                ks.load(in, TestCertificates.PASSWORD.toCharArray());
            }
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory
                    .getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, TestCertificates.PASSWORD.toCharArray());
            keys = kmf.getKeyManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys, tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            try {
                s.startHandshake();
            } catch (SSLException refused) {
                return "closed";
            }
            return connectOver(s);
        }
    }

    /** Sends a connect request (new session, 30 s) and reads the reply's length: "answered" or "closed". */
    private static String connectOver(Socket socket) throws java.io.IOException {
        java.nio.ByteBuffer req = java.nio.ByteBuffer.allocate(4 + 44);
        req.putInt(44).putInt(0).putLong(0).putInt(30_000).putLong(0).putInt(16).put(new byte[16]);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(req.array());
            out.flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 4; i++) {
                if (in.read() < 0) {
                    return "closed";
                }
            }
            return "answered";
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("neither answered nor closed within 30 s", e);
        } catch (SSLException | java.net.SocketException e) {
            return "closed";
        }
    }
}
