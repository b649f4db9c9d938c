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
 * @param maxSessionTimeout the longest session timeout the servers grant, in ms; 0 leaves each
 *                  engine's default (20 ticks)
 * @param bindAddress the address every node's client and admin ports bind ({@code --bind}, default
 *                  127.0.0.1); the quorum ports bind it too unless it is the wildcard, then loopback
 *                  (all members run on this host)
 * @param nodes   ports of every node created in this directory (members and removed ones)
 * @param members   ids in the ensemble's current configuration (voters and observers), as last committed
 *                  through the launcher
 * @param observers the members that are observers (non-voting)
 */
public record ClusterState(Engine engine, int basePort, int tickTime, int maxSessionTimeout, String bindAddress,
        String superPassword, long nextId, Map<Long, NodePorts> nodes, SortedSet<Long> members,
        SortedSet<Long> observers) {

    /** Where a cluster's ports listen unless {@code --bind} says otherwise: this host only. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public ClusterState {
        if (bindAddress.isBlank() || bindAddress.contains(":") || bindAddress.contains(",")) {
            throw new LauncherException("bind address '" + bindAddress + "' must be an IPv4 address or a host name");
        }
        if (maxSessionTimeout != 0 && maxSessionTimeout < 2 * tickTime) {
            throw new LauncherException("maxSessionTimeout " + maxSessionTimeout + " ms is shorter than two ticks ("
                    + 2 * tickTime + " ms)");
        }
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        members = Collections.unmodifiableSortedSet(new TreeSet<>(members));
        observers = Collections.unmodifiableSortedSet(new TreeSet<>(observers));
        for (long m : members) {
            if (!nodes.containsKey(m)) {
                throw new LauncherException("member " + m + " has no ports in the state file");
            }
        }
        for (long o : observers) {
            if (!members.contains(o)) {
                throw new LauncherException("observer " + o + " is not a member");
            }
        }
    }

    /** A cluster without observers. */
    public ClusterState(Engine engine, int basePort, int tickTime, int maxSessionTimeout, String bindAddress,
            String superPassword, long nextId, Map<Long, NodePorts> nodes, SortedSet<Long> members) {
        this(engine, basePort, tickTime, maxSessionTimeout, bindAddress, superPassword, nextId, nodes, members,
                new TreeSet<>());
    }

    /** Where clients, peers and the launcher reach the nodes: the bind address, or loopback for the wildcard. */
    public String host() {
        return bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
    }

    /** The voting members: members that are not observers. */
    public SortedSet<Long> voters() {
        SortedSet<Long> v = new TreeSet<>(members);
        v.removeAll(observers);
        return Collections.unmodifiableSortedSet(v);
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
        return with(Math.max(nextId, id + 1), n, members, observers);
    }

    public ClusterState withoutNode(long id) {
        Map<Long, NodePorts> n = new TreeMap<>(nodes);
        n.remove(id);
        SortedSet<Long> m = new TreeSet<>(members);
        m.remove(id);
        SortedSet<Long> o = new TreeSet<>(observers);
        o.remove(id);
        return with(nextId, n, m, o);
    }

    /** These members; the observers among them stay observers. */
    public ClusterState withMembers(SortedSet<Long> newMembers) {
        SortedSet<Long> o = new TreeSet<>(observers);
        o.retainAll(newMembers);
        return with(nextId, nodes, newMembers, o);
    }

    /** These members, of which {@code newObservers} are observers. */
    public ClusterState withMembers(SortedSet<Long> newMembers, SortedSet<Long> newObservers) {
        return with(nextId, nodes, newMembers, newObservers);
    }

    private ClusterState with(long next, Map<Long, NodePorts> n, SortedSet<Long> m, SortedSet<Long> o) {
        return new ClusterState(engine, basePort, tickTime, maxSessionTimeout, bindAddress, superPassword, next, n, m, o);
    }

    /** {@code host:p1,host:p2,...} over the members' client ports ({@link #host()}). */
    public String connectString() {
        StringBuilder b = new StringBuilder();
        for (long m : members) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(host()).append(':').append(nodes.get(m).client());
        }
        return b.toString();
    }

    /** {@code host:adminPort} of node {@code id}, empty when its engine has no admin server. */
    public java.util.Optional<String> adminEndpoint(long id) {
        int admin = ports(id).admin();
        return admin > 0 ? java.util.Optional.of(host() + ":" + admin) : java.util.Optional.empty();
    }

    /** The {@code maxSessionTimeout=} line of a node's zoo.cfg, or nothing for the engine's default. */
    public String maxSessionTimeoutLine() {
        return maxSessionTimeout == 0 ? "" : "maxSessionTimeout=" + maxSessionTimeout + "\n";
    }

    /** {@code server.N=host:quorum:election:participant;bind:client} for one node (a member or not). */
    public String serverLine(long id) {
        return serverLine(id, observers.contains(id));
    }

    /**
     * {@code server.N=host:quorum:election:participant|observer;bind:client}: peers connect to (and
     * the quorum port binds) {@link #host()}, the client port binds {@link #bindAddress()}. QuorumLab
     * nodes have no election port (elections run over the quorum port), written as 0.
     */
    public String serverLine(long id, boolean observer) {
        NodePorts p = ports(id);
        int election = engine == Engine.ZOOKEEPER ? p.election() : 0;
        return "server." + id + "=" + host() + ":" + p.quorum() + ":" + election + ":"
                + (observer ? "observer" : "participant") + ";" + bindAddress + ":" + p.client();
    }
}
