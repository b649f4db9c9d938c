package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.quorumlab.gui.cluster.Link;

/**
 * Everything the Teaching tab draws at one moment: the nodes, the messages in flight, and the
 * leader. Immutable with value equality, so two folds of the same events compare equal; produced
 * only by {@link TeachingReducer}.
 *
 * @param time     ts of the newest event folded in (epoch ms), 0 when none
 * @param nodes    nodes by id
 * @param held     held messages by key
 * @param leaderId the leader, or -1
 */
public record TeachingState(long time, SortedMap<Long, NodeState> nodes, SortedMap<MessageKey, HeldMessage> held,
        long leaderId) {

    /** Before any event. */
    public static final TeachingState EMPTY = new TeachingState(0, new TreeMap<>(), new TreeMap<>(), -1);

    public TeachingState {
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        held = Collections.unmodifiableSortedMap(new TreeMap<>(held));
    }

    /** The node with {@code id}, if known. */
    public Optional<NodeState> node(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Every pair of known nodes: election traffic flows between all of them. */
    public List<Link> links() {
        List<Long> ids = new ArrayList<>(nodes.keySet());
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                out.add(Link.of(ids.get(i), ids.get(j)));
            }
        }
        return out;
    }

    /** True when either direction of the link is cut. */
    public boolean isCut(long a, long b) {
        return node(a).map(n -> n.cutTo().contains(b)).orElse(false)
                || node(b).map(n -> n.cutTo().contains(a)).orElse(false);
    }

    /** True when any live node holds every message. */
    public boolean anyPaused() {
        return nodes.values().stream().anyMatch(n -> n.alive() && n.paused());
    }

    /** The highest speed factor among live nodes (1 when none). */
    public int slowFactor() {
        return nodes.values().stream().filter(NodeState::alive).mapToInt(NodeState::slowFactor).max().orElse(1);
    }
}
