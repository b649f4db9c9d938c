package org.quorumlab.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorumlab server zoo.cfg} with an admin API it cannot protect or cannot bind as configured
 * stops with one error line and exit code 2 and leaves no port open: a missing or world-readable
 * token file is found while parsing, before anything binds; an admin address that is not this
 * host's fails after the client port was bound, which is closed again.
 */
class ServerRefusesHalfConfiguredTest {

    @TempDir
    Path dir;

    @Test
    void aMissingOrOpenTokenFileStopsTheServerBeforeItBindsAnything() throws IOException {
        int clientPort = freePort();
        Path cfg = zooCfg(clientPort, "admin.tokenFile=missing.token");
        assertOneLineError(cfg, "zoo.cfg:6: admin.tokenFile " + dir.resolve("missing.token") + " does not exist");
        assertNotListening(clientPort);

        Files.writeString(dir.resolve("open.token"), "0123456789abcdef0123456789\n");
        Files.setPosixFilePermissions(dir.resolve("open.token"), PosixFilePermissions.fromString("rw-r--r--"));
        assertOneLineError(zooCfg(clientPort, "admin.tokenFile=open.token"),
                "may be read or changed by other users (rw-r--r--); run: chmod 600");
        assertNotListening(clientPort);
    }

    @Test
    void anAdminAddressOfAnotherHostStopsTheServerAndClosesItsClientPort() throws IOException {
        int clientPort = freePort();
        assertOneLineError(zooCfg(clientPort, "admin.serverAddress=192.0.2.7"),
                "cannot bind the admin server to 192.0.2.7:");
        assertNotListening(clientPort);
    }

    private Path zooCfg(int clientPort, String adminLine) throws IOException {
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, "tickTime=200\nclientPort=" + clientPort + "\ndataDir=data\nadmin.serverPort=0\n"
                + "clientPortAddress=127.0.0.1\n" + adminLine + "\n");
        return cfg;
    }

    private static void assertOneLineError(Path cfg, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Main.run(new String[] {"server", cfg.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(text).isEqualTo(2);
        assertThat(text).startsWith("quorumlab server: ").contains(expected);
        assertThat(text.strip().lines().count()).as("one line: %s", text).isEqualTo(1);
    }

    private static void assertNotListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            throw new AssertionError("port " + port + " is open: the server started half-configured");
        } catch (ConnectException expected) {
            // nothing listens
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
