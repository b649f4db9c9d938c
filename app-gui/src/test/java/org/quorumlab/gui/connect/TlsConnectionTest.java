package org.quorumlab.gui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ZooCfgParser;
import org.quorumlab.engine.net.TestCertificates;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.ClientTls;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.WatchEventBus;
import org.quorumlab.gui.service.ZkSession;

/**
 * The connection dialog's TLS option, end to end: the form's choice reaches the saved connections
 * (readable by the user only) and opens a console session on a real server's secureClientPort
 * that requires a client certificate.
 */
class TlsConnectionTest {

    @TempDir
    Path dir;

    @Test
    void theDialogsTlsChoiceConnectsToASecureClientPortAndIsSavedPrivately() throws Exception {
        Path serverKeys = TestCertificates.issue(dir, "server");
        Path consoleKeys = TestCertificates.issue(dir, "console");
        Path trust = TestCertificates.trust(dir, "trust", serverKeys, consoleKeys);
        ConnectionStore store = new ConnectionStore(dir.resolve("connections.json"));
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel(store, TaskExecutor.synchronous());

        try (QuorumLabServer server = QuorumLabServer.start(ZooCfgParser.parse("zoo.cfg", List.of("clientPort=0",
                "secureClientPort=0", "clientPortAddress=127.0.0.1", "dataDir=" + dir.resolve("data"),
                "ssl.keyStore.location=" + serverKeys, "ssl.keyStore.password=" + TestCertificates.PASSWORD,
                "ssl.trustStore.location=" + trust, "ssl.trustStore.password=" + TestCertificates.PASSWORD), dir))) {
            vm.nameProperty().set("secure");
            vm.connectStringProperty().set("127.0.0.1:" + server.securePort());
            vm.tlsEnabledProperty().set(true);
            assertThat(vm.validate()).isEqualTo("TLS needs a trust store (the servers' certificates or their CA)");
            vm.trustStoreProperty().set(dir.resolve("nowhere.p12").toString());
            assertThat(vm.validate()).isEqualTo("cannot read the trust store " + dir.resolve("nowhere.p12"));
            vm.trustStoreProperty().set(trust.toString());
            vm.trustStorePasswordProperty().set(TestCertificates.PASSWORD);
            vm.keyStoreProperty().set(consoleKeys.toString());
            vm.keyStorePasswordProperty().set(TestCertificates.PASSWORD);
            assertThat(vm.validate()).isNull();

            ZkSession session = ZkSession.connect(vm.toSpec(), new WatchEventBus(), Duration.ofSeconds(30));
            try {
                session.client().create("/from-console", "tls".getBytes(StandardCharsets.UTF_8),
                        ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertThat(session.client().getData("/from-console", false, null)).asString(StandardCharsets.UTF_8)
                        .isEqualTo("tls");
            } finally {
                session.close();
            }
        }

        vm.saveCurrent();
        ConnectionSpec saved = new ConnectionDialogViewModel(store, TaskExecutor.synchronous()).saved().get(0);
        assertThat(saved.tls()).isEqualTo(new ClientTls(true, trust.toString(), TestCertificates.PASSWORD,
                consoleKeys.toString(), TestCertificates.PASSWORD));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("connections.json"))))
                .isEqualTo("rw-------");

        ConnectionDialogViewModel reloaded = new ConnectionDialogViewModel(store, TaskExecutor.synchronous());
        reloaded.load(saved);
        reloaded.tlsEnabledProperty().set(false);
        assertThat(reloaded.toSpec().tls()).isEqualTo(ClientTls.OFF);
        assertThat(ClientTls.OFF.clientProperties()).isEmpty();
    }

    @Test
    void connectionsSavedBeforeTlsExistedLoadAsPlaintext() throws Exception {
        Path file = dir.resolve("connections.json");
        Files.writeString(file, "[{\"name\":\"old\",\"connectString\":\"zk1:2181\",\"chroot\":\"\",\"digestAuth\":\"\","
                + "\"sessionTimeoutMs\":15000}]");
        List<ConnectionSpec> loaded = new ConnectionStore(file).load();
        assertThat(loaded).containsExactly(new ConnectionSpec("old", "zk1:2181", "", "", 15_000));
        assertThat(loaded.get(0).tls()).isEqualTo(ClientTls.OFF);
    }
}
