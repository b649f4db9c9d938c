package org.quorumlab.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.AdminToken;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * The admin API cannot be hijacked: requests are written byte for byte as a browser or a script
 * would send them, against a real 3-node ensemble whose admin ports hold a token (and, below,
 * servers without one or bound beyond loopback). A refused request must also leave the cluster
 * as it was: {@code /teaching} still reports it running.
 */
class AdminSecurityTest {

    @TempDir
    static Path dir;
    private static AdminEnsemble ensemble;
    private static int admin;

    @BeforeAll
    static void start() throws IOException {
        ensemble = new AdminEnsemble(dir.resolve("ensemble"), 3).startAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> ensemble.leaderId() > 0);
        admin = ensemble.server(1).adminPort();
    }

    @AfterAll
    static void stop() {
        ensemble.close();
    }

    @Test
    void browserStyleCrossOriginPostIsRefusedAndPausesNothing() throws IOException {
        // What a page on http://evil.example makes the browser send with a form or fetch(..., {mode: 'no-cors'}).
        Reply r = send(admin, "POST", "/teaching/pause", Map.of(
                "Origin", "http://evil.example",
                "Content-Type", "application/x-www-form-urlencoded",
                "User-Agent", "Mozilla/5.0"), "");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asText()).contains("cross-origin", "http://evil.example");
        assertThat(r.json().path("command").asText()).isEqualTo("/teaching/pause");
        assertNothingPaused();

        Reply withToken = send(admin, "POST", "/teaching/pause", Map.of("Origin", "http://evil.example",
                "Authorization", "Bearer " + AdminEnsemble.TOKEN), "");
        assertThat(withToken.status()).as("a foreign origin is refused even with the token").isEqualTo(403);
        assertThat(send(admin, "POST", "/faults/partition", Map.of("Origin", "null",
                "Authorization", "Bearer " + AdminEnsemble.TOKEN), "groups=1|2,3").status()).isEqualTo(403);
        assertNothingPaused();
        assertThat(send(admin, "GET", "/faults", Map.of(), "").json().path("blocked")).isEmpty();
    }

    @Test
    void aCrossOriginWebSocketUpgradeIsRefused() throws IOException {
        Reply foreign = send(admin, "GET", "/events", upgrade("http://evil.example"), "");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("error").asText()).contains("cross-origin");
        Reply own = send(admin, "GET", "/events", upgrade("http://127.0.0.1:" + admin), "");
        assertThat(own.status()).as("this server's own origin may subscribe").isEqualTo(101);
        Reply none = send(admin, "GET", "/events", upgrade(null), "");
        assertThat(none.status()).as("no Origin (not a browser) may subscribe on loopback").isEqualTo(101);
    }

    @Test
    void changingStateNeedsTheRightToken() throws IOException {
        Reply none = send(admin, "POST", "/teaching/pause", Map.of(), "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("www-authenticate")).startsWith("Bearer");
        assertThat(none.json().path("error").asText()).contains("admin token required", "Authorization: Bearer");
        Reply wrong = send(admin, "POST", "/teaching/pause", Map.of("Authorization", "Bearer not-the-token-at-all"), "");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asText()).contains("admin token rejected");
        Reply basic = send(admin, "POST", "/faults/heal", Map.of("Authorization", "Basic " + AdminEnsemble.TOKEN), "");
        assertThat(basic.status()).isEqualTo(401);
        assertNothingPaused();
        assertThat(send(admin, "GET", "/commands/stat_reset", Map.of(), "").status())
                .as("resetting counters changes state, even on GET").isEqualTo(401);
        assertThat(send(admin, "GET", "/commands/stat_reset", Map.of("Authorization", "Bearer " + AdminEnsemble.TOKEN),
                "").status()).isEqualTo(200);

        Reply ok = send(admin, "POST", "/teaching/pause", Map.of("Origin", "http://127.0.0.1:" + admin,
                "Authorization", "Bearer " + AdminEnsemble.TOKEN), "");
        assertThat(ok.status()).as("own origin with the token: %s", ok.body()).isEqualTo(200);
        assertThat(ok.json().path("paused").asBoolean()).isTrue();
        Reply resumed = send(admin, "POST", "/teaching/resume", Map.of("Authorization", "bearer " + AdminEnsemble.TOKEN), "");
        assertThat(resumed.status()).isEqualTo(200);
        assertNothingPaused();
    }

    @Test
    void readOnlyEndpointsAreOpenOnLoopbackButAWrongTokenIsStillRefused() throws IOException {
        assertThat(send(admin, "GET", "/commands/monitor", Map.of(), "").status()).isEqualTo(200);
        assertThat(send(admin, "GET", "/metrics", Map.of(), "").status()).isEqualTo(200);
        assertThat(send(admin, "GET", "/teaching", Map.of(), "").status()).isEqualTo(200);
        assertThat(send(admin, "GET", "/commands", Map.of("Authorization", "Bearer " + AdminEnsemble.TOKEN), "")
                .status()).isEqualTo(200);
        Reply wrong = send(admin, "GET", "/commands/monitor", Map.of("Authorization", "Bearer wrong-token-wrong-token"), "");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asText()).contains("rejected");
    }

    @Test
    void aHostNameOtherThanLoopbackIsRefused() throws IOException {
        // DNS rebinding: evil.example resolves to 127.0.0.1, the browser calls it same-origin and sends no Origin.
        Reply rebound = send(admin, "GET", "/commands/connections", Map.of("Host", "evil.example:" + admin), "");
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.json().path("error").asText()).contains("evil.example", "is not this server");
        assertThat(send(admin, "GET", "/commands/monitor", Map.of("Host", "localhost:" + admin), "").status())
                .isEqualTo(200);
        assertThat(send(admin, "POST", "/teaching/pause", Map.of("Host", "evil.example:" + admin,
                "Authorization", "Bearer " + AdminEnsemble.TOKEN), "").status()).isEqualTo(403);
        assertNothingPaused();
    }

    @Test
    void theAdminPortBindsLoopbackByDefault() {
        assertThat(new ServerConfigBuilder().build().adminServerAddress()).isEqualTo("127.0.0.1");
        assertRefusedOn("127.0.0.9", admin); // a wildcard-bound port would answer there
    }

    @Test
    void aServerWithoutATokenChangesNothingAndSaysHowToConfigureOne() throws IOException {
        try (QuorumLabServer s = QuorumLabServer.start(new ServerConfigBuilder().clientPort(0)
                .dataDir(dir.resolve("no-token")).adminPort(0).build())) {
            Reply r = send(s.adminPort(), "POST", "/faults/heal", Map.of(), "");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("error").asText()).contains("this server has none", "admin.tokenFile=FILE",
                    "chmod 600");
            Reply presented = send(s.adminPort(), "POST", "/teaching/pause",
                    Map.of("Authorization", "Bearer " + AdminEnsemble.TOKEN), "");
            assertThat(presented.status()).isEqualTo(401);
            assertThat(send(s.adminPort(), "GET", "/commands/monitor", Map.of(), "").status()).isEqualTo(200);
        }
    }

    @Test
    void beyondLoopbackEveryRequestNeedsTheToken() throws IOException {
        AdminToken token = AdminToken.readFrom(AdminEnsemble.writeTokenFile(dir.resolve("wide.token"),
                "wide-open-token-0123456789"));
        try (QuorumLabServer s = QuorumLabServer.start(new ServerConfigBuilder().clientPort(0)
                .dataDir(dir.resolve("wide")).adminPort(0).adminServerAddress("0.0.0.0").adminToken(token).build());
                QuorumLabServer bare = QuorumLabServer.start(new ServerConfigBuilder().clientPort(0)
                        .dataDir(dir.resolve("wide-bare")).adminPort(0).adminServerAddress("0.0.0.0").build())) {
            Reply read = send(s.adminPort(), "GET", "/commands/monitor", Map.of(), "");
            assertThat(read.status()).isEqualTo(401);
            assertThat(read.json().path("error").asText()).contains("admin token required");
            assertThat(send(s.adminPort(), "GET", "/metrics", Map.of(), "").status()).isEqualTo(401);
            assertThat(send(s.adminPort(), "GET", "/events", upgrade(null), "").status()).isEqualTo(401);
            assertThat(send(s.adminPort(), "GET", "/commands/monitor",
                    Map.of("Authorization", "Bearer wide-open-token-0123456789"), "").status()).isEqualTo(200);
            assertThat(send(s.adminPort(), "GET", "/commands/monitor", Map.of("Host", "quorumlab.example:80",
                    "Authorization", "Bearer wide-open-token-0123456789"), "").status())
                    .as("beyond loopback the server may be named by any host name").isEqualTo(200);

            Reply noToken = send(bare.adminPort(), "GET", "/commands/monitor", Map.of(), "");
            assertThat(noToken.status()).isEqualTo(401);
            assertThat(noToken.json().path("error").asText()).contains("0.0.0.0", "this server has none");
        }
    }

    private void assertNothingPaused() throws IOException {
        for (long id = 1; id <= 3; id++) {
            Reply r = send(ensemble.server(id).adminPort(), "GET", "/teaching", Map.of(), "");
            assertThat(r.json().path("paused").asBoolean()).as("server %d paused", id).isFalse();
        }
    }

    private static void assertRefusedOn(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            throw new AssertionError(address + ":" + port + " accepted a connection");
        } catch (ConnectException expected) {
            // bound elsewhere
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> upgrade(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Upgrade", "websocket");
        h.put("Connection", "Upgrade");
        h.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        h.put("Sec-WebSocket-Version", "13");
        if (origin != null) {
            h.put("Origin", origin);
        }
        return h;
    }

    /** The status line, headers and body of one reply. */
    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return AdminClient.JSON.readTree(body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * One HTTP/1.1 request over a plain socket (no client library adding or refusing headers);
     * {@code Host} defaults to {@code 127.0.0.1:port}. Reads until the server closes, or for a
     * WebSocket handshake until the end of the reply's headers.
     */
    static Reply send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                req.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            if (!method.equals("GET")) {
                req.append("Content-Length: ").append(content.length).append("\r\n");
            }
            req.append("\r\n");
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(content);
            s.getOutputStream().flush();
            String text = readReply(s.getInputStream());
            int headerEnd = text.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
            String[] lines = head.split("\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                h.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), h,
                    headerEnd < 0 ? "" : text.substring(headerEnd + 4));
        }
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            String sofar = out.toString(StandardCharsets.ISO_8859_1);
            if (sofar.startsWith("HTTP/1.1 101") && sofar.contains("\r\n\r\n")) {
                break; // an accepted WebSocket stays open
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
