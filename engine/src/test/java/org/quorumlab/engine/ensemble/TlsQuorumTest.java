package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.TlsConfig;
import org.quorumlab.engine.net.TestCertificates;

/**
 * {@code sslQuorum=true}: three servers elect, replicate and fail over with every quorum link in
 * TLS, each side checking the other's certificate; a peer speaking plaintext to a quorum port is
 * closed.
 */
class TlsQuorumTest {

    @TempDir
    Path dir;

    @Test
    void anEnsembleWithTlsQuorumLinksElectsReplicatesAndFailsOver() throws Exception {
        Path keys = TestCertificates.issue(dir, "node");
        Path trust = TestCertificates.trust(dir, "quorum-trust", keys);
        TlsConfig.Stores stores = new TlsConfig.Stores(keys, TestCertificates.PASSWORD, null, trust,
                TestCertificates.PASSWORD, null, TlsConfig.ClientAuth.NEED, List.of(), List.of());
        TlsConfig tls = new TlsConfig(-1, null, TlsConfig.NONE.client(), true, stores);
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.configs.replaceAll((id, c) -> c.toBuilder().tls(tls).build());
            e.startAll();
            await().atMost(Duration.ofSeconds(60)).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long follower = e.configs.keySet().stream().filter(id -> id != leader).findFirst().orElseThrow();

            // Plaintext on a TLS quorum port: closed, and the ensemble is not disturbed.
            int quorumPort = e.specs.get(follower).quorumPort();
            try (Socket raw = new Socket("127.0.0.1", quorumPort)) {
                raw.setSoTimeout(30_000);
                OutputStream out = raw.getOutputStream();
                out.write(new byte[] {0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 9});
                out.flush();
                InputStream in = raw.getInputStream();
                assertThat(in.read()).as("closed by the TLS quorum port").isEqualTo(-1);
            }

            ZooKeeper zk = new ZooKeeper(e.connectString(follower), 30_000, ev -> { });
            try {
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                    zk.create("/tls", "v1".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                    return true;
                });
                e.stop(leader);
                await().atMost(Duration.ofSeconds(60)).until(() -> e.leaderId() > 0 && e.leaderId() != leader);
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                    zk.setData("/tls", "v2".getBytes(StandardCharsets.UTF_8), -1);
                    return true;
                });
                zk.sync("/tls", (rc, p, c) -> { }, null);
                assertThat(new String(zk.getData("/tls", false, null), StandardCharsets.UTF_8)).isEqualTo("v2");
            } finally {
                zk.close();
            }
        }
    }
}
