package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ZooCfgParser;
import org.quorumlab.launcher.state.AdminTokenFile;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterStateFile;

/**
 * What the launcher writes for a new cluster, no processes started: a per-cluster admin token
 * readable by its owner only, named in every node's zoo.cfg (which the engine's own parser reads
 * back to that token), ports bound to 127.0.0.1 unless {@code --bind} says otherwise, and no
 * election port for QuorumLab nodes.
 */
class ClusterSecurityConfigTest {

    @TempDir
    Path dir;

    @Test
    void aNewClusterGetsItsOwnTokenReadableByItsOwnerOnly() throws Exception {
        ClusterLayout a = new ClusterLayout(dir.resolve("a"));
        ClusterLayout b = new ClusterLayout(dir.resolve("b"));
        ClusterLauncher.open(a.dir(), 3, Engine.QUORUMLAB, 0).close();
        ClusterLauncher.open(b.dir(), 3, Engine.QUORUMLAB, 0).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.adminTokenFile())))
                .isEqualTo("rw-------");
        String token = AdminTokenFile.read(a.adminTokenFile());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(AdminTokenFile.read(b.adminTokenFile())).isNotEqualTo(token);
        assertThat(ClusterLauncher.attach(a.dir()).adminToken()).isEqualTo(token);
        assertThat(Files.readString(a.stateFile())).doesNotContain(token);

        ClusterLauncher.open(a.dir(), 3, Engine.QUORUMLAB, 0).close();
        assertThat(AdminTokenFile.read(a.adminTokenFile())).as("reopening keeps the token").isEqualTo(token);
    }

    @Test
    void everyNodeIsConfiguredWithTheTokenLoopbackAndNoElectionPort() throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.resolve("c"));
        ClusterLauncher.open(layout.dir(), 3, Engine.QUORUMLAB, 0).close();
        String token = AdminTokenFile.read(layout.adminTokenFile());
        for (long id = 1; id <= 3; id++) {
            List<String> cfg = Files.readAllLines(layout.config(id));
            assertThat(cfg).contains("admin.serverAddress=127.0.0.1", "admin.tokenFile=" + layout.adminTokenFile());
            assertThat(cfg.stream().filter(l -> l.startsWith("server."))).hasSize(3)
                    .allMatch(l -> l.matches("server\\.\\d=127\\.0\\.0\\.1:\\d+:0:participant;127\\.0\\.0\\.1:\\d+"));
            ServerConfig parsed = ZooCfgParser.parse(layout.config(id));
            assertThat(parsed.adminToken().matches(token)).as("the node reads the cluster's token").isTrue();
            assertThat(parsed.adminServerAddress()).isEqualTo("127.0.0.1");
        }
        assertThat(new ClusterStateFile(layout).require().ports(1).election()).isZero();
    }

    @Test
    void zooKeeperNodesKeepTheirElectionPort() throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.resolve("zk"));
        ClusterLauncher.open(layout.dir(), 3, Engine.ZOOKEEPER, 0).close();
        NodePorts p = new ClusterStateFile(layout).require().ports(2);
        assertThat(p.election()).isPositive();
        assertThat(Files.readString(layout.nodeDir(2).resolve("zoo.cfg.dynamic")))
                .contains("server.2=127.0.0.1:" + p.quorum() + ":" + p.election() + ":participant;127.0.0.1:" + p.client());
    }

    @Test
    void bindTheWildcardOnlyWhenAsked() throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.resolve("wide"));
        try (ClusterLauncher l = ClusterLauncher.open(layout.dir(), 3, Engine.QUORUMLAB, 0, 200, 0, "0.0.0.0")) {
            assertThat(l.bindAddress()).isEqualTo("0.0.0.0");
            assertThat(l.connectString()).startsWith("127.0.0.1:");
            assertThat(l.adminEndpoint(1)).hasValue("127.0.0.1:" + l.ports(1).admin());
        }
        List<String> cfg = Files.readAllLines(layout.config(1));
        assertThat(cfg).contains("admin.serverAddress=0.0.0.0");
        assertThat(cfg.stream().filter(l -> l.startsWith("server.1="))).singleElement().asString()
                .startsWith("server.1=127.0.0.1:").contains(";0.0.0.0:");

        assertThatThrownBy(() -> ClusterLauncher.open(layout.dir(), 3, Engine.QUORUMLAB, 0, 200, 0, "127.0.0.1"))
                .isInstanceOf(LauncherException.class).hasMessageContaining("binds 0.0.0.0")
                .hasMessageContaining("--bind 127.0.0.1");
        assertThatThrownBy(() -> ClusterLauncher.open(dir.resolve("far"), 3, Engine.QUORUMLAB, 0, 200, 0, "192.0.2.7"))
                .isInstanceOf(LauncherException.class).hasMessage("--bind 192.0.2.7 (192.0.2.7) is not an address of this host");
        assertThatThrownBy(() -> ClusterLauncher.open(dir.resolve("v6"), 3, Engine.QUORUMLAB, 0, 200, 0, "::1"))
                .isInstanceOf(LauncherException.class).hasMessageContaining("must be an IPv4 address or a host name");
    }

    @Test
    void aClusterCreatedBeforeTokensGetsOneAndItsNodesAreReconfigured() throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.resolve("old"));
        ClusterLauncher.open(layout.dir(), 3, Engine.QUORUMLAB, 0).close();
        Files.delete(layout.adminTokenFile());
        for (long id = 1; id <= 3; id++) {
            Files.writeString(layout.config(id), Files.readString(layout.config(id))
                    .replaceAll("(?m)^admin\\.(tokenFile|serverAddress)=.*\\n", ""));
        }
        assertThatThrownBy(() -> ClusterLauncher.attach(layout.dir()).adminToken()).isInstanceOf(LauncherException.class)
                .hasMessage("no admin token: " + layout.adminTokenFile() + " does not exist");

        ClusterLauncher.open(layout.dir(), 3, Engine.QUORUMLAB, 0).close();
        String token = AdminTokenFile.read(layout.adminTokenFile());
        for (long id = 1; id <= 3; id++) {
            assertThat(ZooCfgParser.parse(layout.config(id)).adminToken().matches(token)).isTrue();
        }
    }
}
