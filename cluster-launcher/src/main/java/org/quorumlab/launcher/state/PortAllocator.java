package org.quorumlab.launcher.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;

/**
 * Ports for node {@code K}: with a base port P, client P+K-1, quorum P+100+K-1, election
 * P+200+K-1, admin P+300+K-1; with P=0, ports the OS reports free on the bind address (never the
 * same one twice within this allocator). Only ZooKeeper nodes get an election port (QuorumLab
 * elects over the quorum port) and only QuorumLab nodes an admin port; the other is 0 or -1.
 */
public final class PortAllocator {

    static final int STRIDE = 100;
    private final int basePort;
    private final InetAddress bindAddress;
    private final Set<Integer> handedOut = new HashSet<>();

    /** Free ports checked on loopback. */
    public PortAllocator(int basePort) {
        this(basePort, InetAddress.getLoopbackAddress());
    }

    public PortAllocator(int basePort, InetAddress bindAddress) {
        if (basePort < 0 || basePort > 65535 - 4 * STRIDE) {
            throw new LauncherException("--base-port must be 0 (free ports) or between 1 and " + (65535 - 4 * STRIDE));
        }
        this.basePort = basePort;
        this.bindAddress = bindAddress;
    }

    /** An allocator for new nodes of {@code state}'s cluster: its base port, free ports on its bind address. */
    public static PortAllocator of(ClusterState state) {
        return new PortAllocator(state.basePort(), BindAddress.resolve(state.bindAddress()));
    }

    /** Ports of node {@code id} of a cluster of {@code engine}. */
    public NodePorts forNode(long id, Engine engine) {
        NodePorts p = forNode(id);
        return new NodePorts(p.client(), p.quorum(), engine == Engine.ZOOKEEPER ? p.election() : 0,
                engine == Engine.QUORUMLAB ? p.admin() : -1);
    }

    private NodePorts forNode(long id) {
        if (basePort > 0) {
            if (id < 1 || id > STRIDE) {
                throw new LauncherException("node id " + id + " does not fit the base-port layout (ids 1.." + STRIDE + ")");
            }
            int k = (int) id - 1;
            return new NodePorts(basePort + k, basePort + STRIDE + k, basePort + 2 * STRIDE + k,
                    basePort + 3 * STRIDE + k);
        }
        return new NodePorts(freePort(), freePort(), freePort(), freePort());
    }

    private int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, bindAddress)) {
                int port = s.getLocalPort();
                if (handedOut.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new LauncherException("cannot find a free port on " + bindAddress.getHostAddress() + ": "
                        + e.getMessage(), e);
            }
        }
        throw new LauncherException("cannot find a free port");
    }
}
