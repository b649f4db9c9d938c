package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quorumlab.launcher.reconfig.QuorumGuard;
import org.quorumlab.launcher.reconfig.Reconfigurer;
import org.quorumlab.launcher.state.ClusterLayout;
import org.quorumlab.launcher.state.ClusterStateFile;
import org.quorumlab.launcher.state.PortAllocator;
import org.quorumlab.launcher.state.SuperDigest;

/** Pure parts: quorum guard, config parsing, port layout, digest, membership lock. No processes. */
class LauncherUnitTest {

    @TempDir
    Path dir;

    @Test
    void quorumGuardExplainsRefusals() {
        assertThatCode(() -> QuorumGuard.checkAdd(Set.of(1L, 2L, 3L), Set.of(1L, 2L), 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> QuorumGuard.checkAdd(Set.of(1L, 2L, 3L), Set.of(1L), 4))
                .hasMessage("cannot add server 4: the ensemble has no quorum - only 1 of 3 voters are up, 2 needed");
        assertThatThrownBy(() -> QuorumGuard.checkAdd(Set.of(1L, 2L, 3L, 4L), Set.of(1L, 2L), 5))
                .isInstanceOf(LauncherException.class)
                .hasMessage("cannot add server 5: the ensemble has no quorum - only 2 of 4 voters are up, 3 needed");
        assertThatThrownBy(() -> QuorumGuard.checkAdd(Set.of(1L, 2L, 3L), Set.of(1L, 2L, 3L), 2))
                .hasMessageContaining("already a member");
        assertThatCode(() -> QuorumGuard.checkRemove(Set.of(1L, 2L, 3L, 4L), Set.of(1L, 2L, 3L), 4))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> QuorumGuard.checkRemove(Set.of(1L, 2L, 3L), Set.of(1L, 3L), 3))
                .hasMessage("cannot remove server 3: that would lose quorum - only 1 of the remaining 2 voters [1, 2] "
                        + "are up, 2 needed");
        assertThatThrownBy(() -> QuorumGuard.checkRemove(Set.of(1L, 2L), Set.of(1L, 2L), 2))
                .hasMessageContaining("at least 2");
    }

    @Test
    void parsesConfigVersionAndMembers() {
        String cfg = "server.1=127.0.0.1:1:2:participant;127.0.0.1:3\nserver.4=127.0.0.1:5:6:participant;127.0.0.1:7\n"
                + "version=100000005";
        assertThat(Reconfigurer.version(cfg)).isEqualTo(0x100000005L);
        assertThat(Reconfigurer.memberIds(cfg)).containsExactly(1L, 4L);
    }

    @Test
    void basePortLayoutAndDigest() {
        NodePorts p = new PortAllocator(20000).forNode(2, Engine.QUORUMLAB);
        assertThat(p).as("no election port: QuorumLab elects over the quorum port")
                .isEqualTo(new NodePorts(20001, 20101, 0, 20301));
        assertThat(NodePorts.parse(p.format())).isEqualTo(p);
        assertThat(new PortAllocator(20000).forNode(2, Engine.ZOOKEEPER)).isEqualTo(new NodePorts(20001, 20101, 20201, -1));
        // Same value ZooKeeper's DigestAuthenticationProvider.generateDigest("super:test") gives.
        assertThat(SuperDigest.digest("test")).isEqualTo("super:D/InIHSb7yEEbrWz8b9l71RjZJU=");
    }

    @Test
    void oneMembershipChangeAtATime() {
        MembershipLock lock = new MembershipLock(new ClusterLayout(dir));
        try (var held = lock.acquire("add a server")) {
            assertThatThrownBy(() -> lock.acquire("remove server 2")).isInstanceOf(LauncherException.class)
                    .hasMessageContaining("one at a time");
        }
        assertThatCode(() -> lock.acquire("again").close()).doesNotThrowAnyException();
    }

    @Test
    void attachingToAnEmptyDirectoryExplainsWhatToDo() {
        assertThatThrownBy(() -> ClusterLauncher.attach(dir)).isInstanceOf(LauncherException.class)
                .hasMessageContaining("no cluster in").hasMessageContaining("quorumlab cluster --nodes 3");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void maxSessionTimeoutGoesIntoEveryNodesConfigAndTheStateFile(Engine engine) throws Exception {
        ClusterLayout layout = new ClusterLayout(dir.resolve("long"));
        ClusterLauncher.open(layout.dir(), 3, engine, 0, 200, 15_000).close();
        for (long id = 1; id <= 3; id++) {
            assertThat(Files.readAllLines(layout.config(id))).contains("maxSessionTimeout=15000", "tickTime=200");
        }
        assertThat(new ClusterStateFile(layout).require().maxSessionTimeout()).isEqualTo(15_000);

        ClusterLayout plain = new ClusterLayout(dir.resolve("default"));
        ClusterLauncher.open(plain.dir(), 3, engine, 0).close();
        assertThat(Files.readString(plain.config(1))).doesNotContain("maxSessionTimeout");
        assertThat(new ClusterStateFile(plain).require().maxSessionTimeout()).isZero();

        assertThatThrownBy(() -> ClusterLauncher.open(dir.resolve("short"), 3, engine, 0, 200, 300))
                .isInstanceOf(LauncherException.class)
                .hasMessage("maxSessionTimeout 300 ms is shorter than two ticks (400 ms)");
    }
}
