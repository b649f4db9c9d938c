package org.quorumlab.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/** maxClientCnxns limits concurrent connections per client IP, as in ZooKeeper; 0 means unlimited. */
class ConnectionLimitTest {

    @TempDir
    Path dir;

    @Test
    void connectionsBeyondThePerIpLimitAreClosedAndFreedSlotsAreReused() throws Exception {
        ServerConfig config = ServerConfig.standalone(0, dir).toBuilder().maxClientCnxns(2).build();
        try (QuorumLabServer server = QuorumLabServer.start(config);
                Socket first = open(server.port());
                Socket second = open(server.port())) {
            assertStaysOpen(first);
            assertStaysOpen(second);
            try (Socket third = open(server.port())) {
                assertThat(third.getInputStream().read()).as("third connection from one IP is closed").isEqualTo(-1);
            }
            first.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Socket again = open(server.port())) {
                    assertStaysOpen(again);
                }
            });
            assertStaysOpen(second);
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(500);
        return s;
    }

    /** An accepted connection that sent nothing is left open: a read times out instead of seeing EOF. */
    private static void assertStaysOpen(Socket s) {
        assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    }
}
