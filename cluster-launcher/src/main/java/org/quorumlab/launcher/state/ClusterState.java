package org.quorumlab.launcher.state;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;

/**
 * What the launcher persists about a cluster: engine, timing, the super password used for
 * reconfig, every node it ever created (with ports) and the current members. Immutable.
 *
 * @param nodes   ports of every node created in this directory (members and removed ones)
 * @param members ids in the ensemble's current configuration, as last committed through the launcher
 */
public record ClusterState(Engine engine, int basePort, int tickTime, String superPassword, long nextId,
        Map<Long, NodePorts> nodes, SortedSet<Long> members) {

    public ClusterState {
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        members = Collections.unmodifiableSortedSet(new TreeSet<>(members));
        for (long m : members) {
            if (!nodes.containsKey(m)) {
                throw new LauncherException("member " + m + " has no ports in the state file");
            }
        }
    }

    public NodePorts ports(long id) {
        NodePorts p = nodes.get(id);
        if (p == null) {
            throw new LauncherException("there is no node " + id + " in this cluster (nodes: " + nodes.keySet() + ")");
        }
        return p;
    }

    public ClusterState withNode(long id, NodePorts ports) {
        Map<Long, NodePorts> n = new TreeMap<>(nodes);
        n.put(id, ports);
        return new ClusterState(engine, basePort, tickTime, superPassword, Math.max(nextId, id + 1), n, members);
    }

    public ClusterState withoutNode(long id) {
        Map<Long, NodePorts> n = new TreeMap<>(nodes);
        n.remove(id);
        SortedSet<Long> m = new TreeSet<>(members);
        m.remove(id);
        return new ClusterState(engine, basePort, tickTime, superPassword, nextId, n, m);
    }

    public ClusterState withMembers(SortedSet<Long> newMembers) {
        return new ClusterState(engine, basePort, tickTime, superPassword, nextId, nodes, newMembers);
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,...} over the members' client ports. */
    public String connectString() {
        StringBuilder b = new StringBuilder();
        for (long m : members) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append("127.0.0.1:").append(nodes.get(m).client());
        }
        return b.toString();
    }

    /** {@code server.N=127.0.0.1:quorum:election:participant;127.0.0.1:client} for one node. */
    public String serverLine(long id) {
        NodePorts p = ports(id);
        return "server." + id + "=127.0.0.1:" + p.quorum() + ":" + p.election() + ":participant;127.0.0.1:" + p.client();
    }
}
