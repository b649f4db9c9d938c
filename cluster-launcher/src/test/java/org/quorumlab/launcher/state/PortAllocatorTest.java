package org.quorumlab.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.launcher.NodePorts;

/**
 * Free ports for a cluster come from below the OS's ephemeral range, where no {@code bind(0)} or outgoing
 * connection of another process can take them before the node binds them, and are never ports the
 * cluster's other nodes own or something already listens on.
 */
class PortAllocatorTest {

    @TempDir
    Path dir;

    @Test
    void freePortsLieBelowTheEphemeralRangeAndAreDistinct() throws IOException {
        Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = PortAllocator.ephemeralStart(proc);
        if (Files.exists(proc)) { // Linux: the whole first number, not just the first byte a sysctl file gives
            assertThat(ephemeralStart).isEqualTo(Integer.parseInt(Files.readAllLines(proc).get(0).trim().split("\\s+")[0]));
        }
        PortAllocator allocator = new PortAllocator(0);
        List<Integer> ports = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            NodePorts p = allocator.forNode(id, true);
            ports.addAll(List.of(p.client(), p.quorum(), p.election(), p.admin()));
        }
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port)
                .isBetween(PortAllocator.LOWEST, ephemeralStart - 1));
        assertThat(ports).allMatch(PortAllocator::bindable);
    }

    @Test
    void theEphemeralRangeIsReadFromTheOsWithAFallback() throws IOException {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "40000\t60999\n");
        assertThat(PortAllocator.ephemeralStart(range)).isEqualTo(40000);
        assertThat(PortAllocator.ephemeralStart(dir.resolve("absent"))).isEqualTo(PortAllocator.DEFAULT_EPHEMERAL_START);
        Files.writeString(range, "garbage");
        assertThat(PortAllocator.ephemeralStart(range)).isEqualTo(PortAllocator.DEFAULT_EPHEMERAL_START);
    }

    @Test
    void portsOfOtherNodesAndPortsSomethingListensOnAreSkipped() throws IOException {
        int end = PortAllocator.LOWEST + 1_000; // the smallest range the allocator chooses from itself
        List<Integer> candidates = new ArrayList<>();
        for (int port = end - 1; port >= PortAllocator.LOWEST && candidates.size() < 5; port--) {
            if (PortAllocator.bindable(port)) {
                candidates.add(port);
            }
        }
        assertThat(candidates).as("five free ports in %d..%d", PortAllocator.LOWEST, end - 1).hasSize(5);
        try (ServerSocket listening = new ServerSocket()) {
            listening.setReuseAddress(false);
            listening.bind(new InetSocketAddress(candidates.get(0)));
            Set<Integer> free = new HashSet<>(candidates.subList(1, 5));
            List<NodePorts> others = new ArrayList<>();
            List<Integer> owned = new ArrayList<>();
            for (int port = PortAllocator.LOWEST; port < end; port++) {
                if (!free.contains(port) && port != candidates.get(0)) {
                    owned.add(port);
                }
                if (owned.size() == 4) {
                    others.add(new NodePorts(owned.get(0), owned.get(1), owned.get(2), owned.get(3)));
                    owned.clear();
                }
            }
            owned.forEach(port -> others.add(new NodePorts(port, port, port, port)));

            NodePorts p = new PortAllocator(0, others, end).forNode(9, true);

            assertThat(Set.of(p.client(), p.quorum(), p.election(), p.admin())).isEqualTo(free);
        }
    }

    @Test
    void aBasePortGivesTheFixedLayout() {
        assertThat(new PortAllocator(20000).forNode(2)).isEqualTo(new NodePorts(20001, 20101, 20201, 20301));
        assertThat(new PortAllocator(20000).forNode(2, false)).isEqualTo(new NodePorts(20001, 20101, 20201, -1));
    }
}
