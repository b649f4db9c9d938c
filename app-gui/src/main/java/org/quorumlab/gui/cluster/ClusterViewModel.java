package org.quorumlab.gui.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.NodeSnapshot;

/**
 * State of the cluster diagram: nodes with role/epoch/zxid/load, the leader, cut links, and
 * pulses for replication traffic. Fed on the UI thread with events ({@link #accept}) and polled
 * snapshots ({@link #applySnapshot}, {@link #markDown}).
 */
public final class ClusterViewModel {

    /** Minimum spacing of pulses on one link, in event-time ms (keeps heavy load drawable). */
    static final long PULSE_SPACING_MS = 120;

    private final ObservableList<NodeModel> nodes = FXCollections.observableArrayList();
    private final Map<Long, NodeModel> byId = new HashMap<>();
    private final LongProperty leaderId = new SimpleLongProperty(-1);
    private final ObservableSet<Link> cutLinks = FXCollections.observableSet();
    private final Map<Long, Set<Long>> blockedBy = new HashMap<>();
    private final ObjectProperty<NodeModel> selected = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final List<Consumer<LinkPulse>> pulseListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lastPulse = new HashMap<>();

    public ObservableList<NodeModel> nodes() {
        return nodes;
    }

    public LongProperty leaderIdProperty() {
        return leaderId;
    }

    public long leaderId() {
        return leaderId.get();
    }

    /** Links cut by a partition (either direction blocked). */
    public ObservableSet<Link> cutLinks() {
        return cutLinks;
    }

    public ObjectProperty<NodeModel> selectedProperty() {
        return selected;
    }

    /** Incremented on every change the diagram must redraw for. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    /** Registers a listener for replication pulses (the diagram animates them). */
    public void addPulseListener(Consumer<LinkPulse> l) {
        pulseListeners.add(l);
    }

    /** The node with {@code id}, created when first seen. */
    public NodeModel node(long id) {
        NodeModel n = byId.get(id);
        if (n == null) {
            n = new NodeModel(id);
            byId.put(id, n);
            nodes.add(n);
            FXCollections.sort(nodes, Comparator.comparingLong(NodeModel::id));
        }
        return n;
    }

    /** The node with {@code id} if known. */
    public java.util.Optional<NodeModel> find(long id) {
        return java.util.Optional.ofNullable(byId.get(id));
    }

    /** Links to draw: the leader to every other node (none without a leader). */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        long l = leaderId.get();
        if (l >= 0 && byId.containsKey(l)) {
            for (NodeModel n : nodes) {
                if (n.id() != l) {
                    out.add(Link.of(l, n.id()));
                }
            }
        }
        return out;
    }

    public boolean isCut(long a, long b) {
        return cutLinks.contains(Link.of(a, b));
    }

    /** Applies one streamed event. */
    public void accept(ClusterEvent e) {
        if (e.server() < 0) {
            return;
        }
        NodeModel n = node(e.server());
        switch (e.type()) {
            case "Hello" -> {
                n.aliveProperty().set(true);
                n.roleProperty().set(Role.parse(e.text("mode")));
                setIfKnown(n.epochProperty(), e.number("epoch", -1));
                long leader = e.number("leaderId", -1);
                if (leader >= 0) {
                    setLeader(leader);
                }
                e.ids("members").forEach(this::node);
            }
            case "LoadSample" -> {
                n.aliveProperty().set(true);
                n.opsPerSecProperty().set(e.decimal("readsPerSec", 0) + e.decimal("writesPerSec", 0));
                n.connectionsProperty().set((int) e.number("connections", 0));
                Role r = Role.parse(e.text("mode"));
                if (r != Role.UNKNOWN) {
                    n.roleProperty().set(r);
                }
            }
            case "StateChanged" -> {
                Role r = Role.parse(e.text("to"));
                n.roleProperty().set(r);
                if (r == Role.LOOKING && leaderId.get() == n.id()) {
                    setLeader(-1);
                }
            }
            case "RoleChanged" -> {
                Role r = Role.parse(e.text("role"));
                n.roleProperty().set(r);
                setIfKnown(n.epochProperty(), e.number("epoch", -1));
                long leader = r == Role.LEADER ? n.id() : e.number("leaderId", -1);
                if (leader >= 0) {
                    setLeader(leader);
                }
            }
            case "NewEpoch" -> setIfKnown(n.epochProperty(), e.number("epoch", -1));
            case "LeaderEstablished" -> {
                n.roleProperty().set(Role.LEADER);
                setIfKnown(n.epochProperty(), e.number("epoch", -1));
                raiseZxid(n, e.zxid("lastZxid"));
                setLeader(n.id());
            }
            case "StepDown" -> {
                if (leaderId.get() == n.id()) {
                    setLeader(-1);
                }
            }
            case "ProposalSent" -> {
                raiseZxid(n, e.zxid("zxid"));
                pulseToLearners(n.id(), LinkPulse.Kind.PROPOSAL, e.ts());
            }
            case "AckReceived" -> pulse(e.number("from", -1), n.id(), LinkPulse.Kind.ACK, e.ts());
            case "Committed" -> {
                raiseZxid(n, e.zxid("zxid"));
                if (n.id() == leaderId.get()) {
                    pulseToLearners(n.id(), LinkPulse.Kind.COMMIT, e.ts());
                }
            }
            case "FaultsChanged" -> setBlocked(n.id(), new HashSet<>(e.ids("blocked")));
            case "ReconfigCommitted" -> {
                if (e.fields().get("config") instanceof Map<?, ?> cfg) {
                    ClusterEvent.ids(cfg.get("voters")).forEach(id -> node(id).observerProperty().set(false));
                    ClusterEvent.ids(cfg.get("observers")).forEach(id -> node(id).observerProperty().set(true));
                }
            }
            default -> {
                return;
            }
        }
        touch();
    }

    /** Applies a polled snapshot of one node (authoritative for role, epoch, zxid and faults). */
    public void applySnapshot(NodeSnapshot s) {
        if (s.id() < 0) {
            return;
        }
        NodeModel n = node(s.id());
        n.aliveProperty().set(true);
        n.endpointProperty().set(s.endpoint());
        n.roleProperty().set(Role.parse(s.mode()));
        setIfKnown(n.epochProperty(), s.epoch());
        raiseZxid(n, s.lastZxid());
        n.connectionsProperty().set(s.connections());
        for (var m : s.members()) {
            node(m.id()).observerProperty().set(m.observer());
        }
        if ("leader".equals(s.mode())) {
            setLeader(s.id());
        } else if (s.leaderId() >= 0 && Role.parse(s.mode()) != Role.LOOKING && !isLeaderAlive()) {
            setLeader(s.leaderId());
        }
        setBlocked(s.id(), s.blocked());
        touch();
    }

    /** Node {@code id} does not answer: grey it out (and drop the leader mark if it was the leader). */
    public void markDown(long id) {
        NodeModel n = node(id);
        n.aliveProperty().set(false);
        n.roleProperty().set(Role.DOWN);
        n.opsPerSecProperty().set(0);
        n.connectionsProperty().set(0);
        if (leaderId.get() == id) {
            setLeader(-1);
        }
        touch();
    }

    /** Drops nodes that are neither members nor alive (removed servers). */
    public void retain(Set<Long> members) {
        for (NodeModel n : List.copyOf(nodes)) {
            if (!members.contains(n.id()) && !n.isAlive()) {
                nodes.remove(n);
                byId.remove(n.id());
                setBlocked(n.id(), Set.of());
                if (selected.get() == n) {
                    selected.set(null);
                }
            }
        }
        touch();
    }

    private boolean isLeaderAlive() {
        NodeModel l = byId.get(leaderId.get());
        return l != null && l.isAlive() && l.role() == Role.LEADER;
    }

    private void setLeader(long id) {
        leaderId.set(id);
        if (id >= 0) {
            for (NodeModel n : nodes) {
                if (n.id() != id && n.role() == Role.LEADER) {
                    n.roleProperty().set(Role.FOLLOWER);
                }
            }
        }
    }

    private void setBlocked(long server, Set<Long> blocked) {
        if (blocked.isEmpty()) {
            blockedBy.remove(server);
        } else {
            blockedBy.put(server, new TreeSet<>(blocked));
        }
        Set<Link> cut = new HashSet<>();
        blockedBy.forEach((from, tos) -> tos.forEach(to -> cut.add(Link.of(from, to))));
        cutLinks.retainAll(cut);
        cutLinks.addAll(cut);
    }

    private void pulseToLearners(long leader, LinkPulse.Kind kind, long ts) {
        for (NodeModel n : nodes) {
            if (n.id() != leader && n.isAlive()) {
                pulse(leader, n.id(), kind, ts);
            }
        }
    }

    private void pulse(long from, long to, LinkPulse.Kind kind, long ts) {
        if (from < 0 || to < 0 || isCut(from, to)) {
            return;
        }
        String key = from + ">" + to + ":" + kind;
        Long last = lastPulse.get(key);
        if (last != null && ts - last < PULSE_SPACING_MS && ts >= last) {
            return;
        }
        lastPulse.put(key, ts);
        LinkPulse p = new LinkPulse(from, to, kind);
        pulseListeners.forEach(l -> l.accept(p));
    }

    private static void raiseZxid(NodeModel n, long zxid) {
        if (zxid > n.lastZxidProperty().get()) {
            n.lastZxidProperty().set(zxid);
        }
    }

    private static void setIfKnown(LongProperty p, long v) {
        if (v >= 0) {
            p.set(v);
        }
    }

    private void touch() {
        revision.set(revision.get() + 1);
    }
}
