package org.quorumlab.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.WebSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.LauncherException;

/** Failures of the admin client that need no admin server: each is one line naming the endpoint. */
class AdminHttpClientTest {

    @Test
    void aTokenThatCannotBeReadFailsTheCallNotTheCallersThread() {
        AdminHttpClient client = new AdminHttpClient(() -> {
            throw new LauncherException("no admin token: /tmp/c/admin.token does not exist");
        });
        assertThatThrownBy(() -> client.get("127.0.0.1:8080", "/commands")).isInstanceOf(IOException.class)
                .hasMessage("127.0.0.1:8080: no admin token: /tmp/c/admin.token does not exist");
        assertThatThrownBy(() -> client.events("127.0.0.1:8080", new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("no admin token: /tmp/c/admin.token does not exist");
    }

    @Test
    void aNodeThatIsDownIsAConnectExceptionSayingSo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String endpoint = "127.0.0.1:" + port;
        AdminHttpClient client = new AdminHttpClient(AdminCredentials.none());
        assertThatThrownBy(() -> client.getJson(endpoint, "/commands/monitor")).isInstanceOf(ConnectException.class)
                .hasMessage("cannot reach the admin port " + endpoint + " (is the node running?)");
        assertThatThrownBy(() -> AdminCredentials.bearer(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the admin token is empty");
        assertThat(AdminCredentials.bearer(" t0ken \n").token()).hasValue("t0ken");
    }
}
