package org.quorumlab.launcher.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;

/**
 * Ports for node {@code K}: with a base port P, client P+K-1, quorum P+100+K-1, election
 * P+200+K-1, admin P+300+K-1; with P=0, free ports chosen at random between {@value #LOWEST} and
 * the start of the OS's ephemeral port range, never one this allocator handed out before or one
 * another node of the cluster owns.
 *
 * <p>Not from the ephemeral range: a node binds its ports only when it starts, and restarts keep
 * them. A port the OS hands out for {@code bind(0)} and outgoing connections is soon taken by some
 * other process (any client connection uses one), and the node that owns it then cannot start
 * ({@code BindException}, seen on busy test machines). Below that range the OS never assigns a port
 * on its own.
 *
 * <p>Only ZooKeeper nodes get an election port (QuorumLab elects over the quorum port) and only
 * QuorumLab nodes an admin port ({@link #forNode(long, Engine)}); the other is 0 or -1.
 */
public final class PortAllocator {

    static final int STRIDE = 100;
    /** Lowest port chosen: above the well-known and most registered service ports. */
    static final int LOWEST = 10_000;
    /** Start of the ephemeral range when the OS does not say (Linux's default; below IANA's 49152). */
    static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private final int basePort;
    private final int ephemeralStart;
    private final InetAddress bindAddress;
    private final Set<Integer> handedOut = new HashSet<>();

    public PortAllocator(int basePort) {
        this(basePort, List.of());
    }

    /** Free ports of a new cluster whose nodes bind {@code bindAddress}. */
    public PortAllocator(int basePort, InetAddress bindAddress) {
        this(basePort, List.of(), ephemeralStart(LINUX_EPHEMERAL_RANGE), bindAddress);
    }

    /** @param inUse ports of the cluster's other nodes (running or not), never handed out again */
    public PortAllocator(int basePort, Collection<NodePorts> inUse) {
        this(basePort, inUse, ephemeralStart(LINUX_EPHEMERAL_RANGE));
    }

    PortAllocator(int basePort, Collection<NodePorts> inUse, int ephemeralStart) {
        this(basePort, inUse, ephemeralStart, InetAddress.getLoopbackAddress());
    }

    private PortAllocator(int basePort, Collection<NodePorts> inUse, int ephemeralStart, InetAddress bindAddress) {
        if (basePort < 0 || basePort > 65535 - 4 * STRIDE) {
            throw new LauncherException("--base-port must be 0 (free ports) or between 1 and " + (65535 - 4 * STRIDE));
        }
        this.basePort = basePort;
        this.ephemeralStart = ephemeralStart;
        this.bindAddress = bindAddress;
        for (NodePorts p : inUse) {
            handedOut.addAll(List.of(p.client(), p.quorum(), p.election(), p.admin()));
        }
    }

    /** An allocator for new nodes of {@code state}'s cluster: its base port and bind address, never its nodes' ports. */
    public static PortAllocator of(ClusterState state) {
        return new PortAllocator(state.basePort(), state.nodes().values(), ephemeralStart(LINUX_EPHEMERAL_RANGE),
                BindAddress.resolve(state.bindAddress()));
    }

    /** Ports of node {@code id} of a cluster of {@code engine}. */
    public NodePorts forNode(long id, Engine engine) {
        NodePorts p = forNode(id);
        return new NodePorts(p.client(), p.quorum(), engine == Engine.ZOOKEEPER ? p.election() : 0,
                engine == Engine.QUORUMLAB ? p.admin() : -1);
    }

    /** Ports for node {@code id}; {@code admin} is -1 unless {@code withAdmin}. */
    public NodePorts forNode(long id, boolean withAdmin) {
        NodePorts p = forNode(id);
        return withAdmin ? p : new NodePorts(p.client(), p.quorum(), p.election(), -1);
    }

    public NodePorts forNode(long id) {
        if (basePort > 0) {
            if (id < 1 || id > STRIDE) {
                throw new LauncherException("node id " + id + " does not fit the base-port layout (ids 1.." + STRIDE + ")");
            }
            int k = (int) id - 1;
            return new NodePorts(basePort + k, basePort + STRIDE + k, basePort + 2 * STRIDE + k, basePort + 3 * STRIDE + k);
        }
        return new NodePorts(freePort(), freePort(), freePort(), freePort());
    }

    /** The first port of the range in {@code rangeFile} ("low high"), or the default when it cannot be read. */
    static int ephemeralStart(Path rangeFile) {
        // one buffered read: a sysctl file answers only the first read, so Files.readString sees its first byte only
        try (BufferedReader r = Files.newBufferedReader(rangeFile)) {
            String line = r.readLine();
            return Integer.parseInt(line.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    private int freePort() {
        if (ephemeralStart - LOWEST < 1_000) {
            return osAssignedPort(); // the ephemeral range covers nearly everything: nothing safer to choose from
        }
        // from a random start, every port of the range once: different clusters rarely meet, and a free port is
        // found whenever one exists
        int size = ephemeralStart - LOWEST;
        int start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            int port = LOWEST + (start + i) % size;
            if (!handedOut.contains(port) && bindable(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new LauncherException("no free port between " + LOWEST + " and " + (ephemeralStart - 1));
    }

    /** Whether nothing listens on {@code port} on any address (the nodes bind the wildcard address). */
    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int osAssignedPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, bindAddress)) {
                int port = s.getLocalPort();
                if (handedOut.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new LauncherException("cannot find a free port: " + e.getMessage(), e);
            }
        }
        throw new LauncherException("cannot find a free port");
    }
}
