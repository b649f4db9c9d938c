package org.quorumlab.launcher.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;

/**
 * Ports for node {@code K}: with a base port P, client P+K-1, quorum P+100+K-1, election
 * P+200+K-1, admin P+300+K-1; with P=0, ports the OS reports free (never the same one twice
 * within this allocator).
 */
public final class PortAllocator {

    static final int STRIDE = 100;
    private final int basePort;
    private final Set<Integer> handedOut = new HashSet<>();

    public PortAllocator(int basePort) {
        if (basePort < 0 || basePort > 65535 - 4 * STRIDE) {
            throw new LauncherException("--base-port must be 0 (free ports) or between 1 and " + (65535 - 4 * STRIDE));
        }
        this.basePort = basePort;
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

    private int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
