package org.quorumlab.gui.teaching;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.cluster.Role;

/**
 * Folds events into a {@link TeachingState}: {@code reduce(state, event)} is a pure function (no
 * clock, no I/O, no shared state), so replaying a recording event by event rebuilds exactly the
 * states the live view showed. Understands the engine's events (docs/events.md, teaching events)
 * and the console's own {@link SyntheticEvents}; unknown types only advance the time.
 */
public final class TeachingReducer {

    private TeachingReducer() {
    }

    /** The state after {@code e}. */
    public static TeachingState reduce(TeachingState s, ClusterEvent e) {
        if (e.type().equals(SyntheticEvents.STATE)) {
            return StateCodec.decode(e.fields().get("state"));
        }
        Draft d = new Draft(s);
        d.time = Math.max(s.time(), e.ts());
        if (e.server() >= 0) {
            d.apply(e);
        }
        return d.freeze();
    }

    /** Folds every event, from {@code start}. */
    public static TeachingState reduceAll(TeachingState start, Iterable<ClusterEvent> events) {
        TeachingState s = start;
        for (ClusterEvent e : events) {
            s = reduce(s, e);
        }
        return s;
    }

    /** A mutable copy of one state while one event is applied. */
    private static final class Draft {
        long time;
        long leaderId;
        final TreeMap<Long, NodeState> nodes;
        final TreeMap<MessageKey, HeldMessage> held;

        Draft(TeachingState s) {
            this.time = s.time();
            this.leaderId = s.leaderId();
            this.nodes = new TreeMap<>(s.nodes());
            this.held = new TreeMap<>(s.held());
        }

        TeachingState freeze() {
            return new TeachingState(time, nodes, held, leaderId);
        }

        NodeState node(long id) {
            return nodes.computeIfAbsent(id, NodeState::initial);
        }

        void put(NodeState n) {
            nodes.put(n.id(), n);
        }

        void apply(ClusterEvent e) {
            long id = e.server();
            NodeState n = node(id);
            switch (e.type()) {
                case "Hello" -> {
                    put(n.withAlive(true).withRole(Role.parse(e.text("mode"))).withEpoch(e.number("epoch", -1)));
                    setLeaderIfKnown(e.number("leaderId", -1));
                    e.ids("members").forEach(this::node);
                }
                case "LoadSample" -> {
                    Role r = Role.parse(e.text("mode"));
                    put(r == Role.UNKNOWN ? n.withAlive(true) : n.withAlive(true).withRole(r));
                }
                case "StateChanged" -> changeRole(n, Role.parse(e.text("to")));
                case "RoleChanged" -> {
                    changeRole(n, Role.parse(e.text("role")));
                    put(node(id).withEpoch(e.number("epoch", -1)));
                    setLeaderIfKnown(Role.parse(e.text("role")) == Role.LEADER ? id : e.number("leaderId", -1));
                }
                case "NewEpoch" -> put(n.withEpoch(e.number("epoch", -1)));
                case "LeaderEstablished" -> {
                    put(n.withRole(Role.LEADER).withEpoch(e.number("epoch", -1)).withZxidAtLeast(e.zxid("lastZxid")));
                    setLeader(id);
                }
                case "StepDown" -> {
                    if (leaderId == id) {
                        leaderId = -1;
                    }
                }
                case "VoteSent" -> put(n.withVote(vote(e.fields().get("vote"))));
                case "ProposalSent" -> put(n.withZxidAtLeast(e.zxid("zxid")).withEntry(e.zxid("zxid"), EntryStatus.PROPOSED));
                case "AckReceived" -> put(n.withEntry(e.zxid("zxid"), EntryStatus.ACKED));
                case "Committed" -> put(n.withZxidAtLeast(e.zxid("zxid")).withCommittedUpTo(e.zxid("zxid")));
                case "MessageSent" -> sent(n, e);
                case "MessageDelivered" -> delivered(e);
                case "MessageDropped" -> held.remove(new MessageKey(id, e.number("id", -1)));
                case "TeachingChanged" -> teachingChanged(n, e);
                case SyntheticEvents.TEACHING_SNAPSHOT -> teachingSnapshot(n, e);
                case "FaultsChanged" -> put(n.withCutTo(cutPeers(e)));
                case SyntheticEvents.NODE_DOWN -> {
                    put(n.withAlive(false).withRole(Role.DOWN).withVote(null));
                    held.values().removeIf(m -> m.from() == id);
                    if (leaderId == id) {
                        leaderId = -1;
                    }
                }
                case SyntheticEvents.POLLED -> {
                    Role r = Role.parse(e.text("mode"));
                    put(n.withAlive(true).withRole(r).withEpoch(e.number("epoch", -1)).withLastZxid(e.zxid("lastZxid")));
                    if (r == Role.LEADER) {
                        setLeader(id);
                    }
                }
                default -> {
                    // not part of the teaching picture
                }
            }
        }

        private void changeRole(NodeState n, Role r) {
            NodeState next = n.withRole(r);
            if (r == Role.LOOKING) {
                next = next.withVote(null);
                if (leaderId == n.id()) {
                    leaderId = -1;
                }
            }
            put(next);
            if (r == Role.LEADER) {
                setLeader(n.id());
            }
        }

        private void sent(NodeState n, ClusterEvent e) {
            HeldMessage m = new HeldMessage(n.id(), e.number("id", -1), e.number("to", -1), e.text("kind"),
                    e.zxid("zxid"), e.ts(), e.number("deliverTs", -1));
            held.put(m.key(), m);
            node(m.to());
            if (m.zxid() >= 0 && m.kind().equals("ACK")) {
                put(n.withEntry(m.zxid(), EntryStatus.ACKED));
            } else if (m.zxid() >= 0 && m.kind().equals("PROPOSAL")) {
                put(n.withEntry(m.zxid(), EntryStatus.PROPOSED));
            }
        }

        private void delivered(ClusterEvent e) {
            HeldMessage m = held.remove(new MessageKey(e.server(), e.number("id", -1)));
            if (m != null && m.zxid() >= 0 && m.kind().equals("PROPOSAL") && nodes.containsKey(m.to())) {
                put(node(m.to()).withEntry(m.zxid(), EntryStatus.PROPOSED));
            }
        }

        private void teachingChanged(NodeState n, ClusterEvent e) {
            boolean paused = Boolean.parseBoolean(e.text("paused"));
            long delay = e.number("messageDelayMs", 0);
            put(n.withTeaching((int) e.number("slowFactor", 1), paused, delay));
            // the node re-times what it holds: pause parks everything, resume counts the delay from now
            held.replaceAll((k, m) -> m.from() != n.id() ? m
                    : paused ? m.deliverAt(-1) : m.parked() ? m.deliverAt(e.ts() + delay) : m);
        }

        private void teachingSnapshot(NodeState n, ClusterEvent e) {
            put(n.withTeaching((int) e.number("slowFactor", 1), Boolean.parseBoolean(e.text("paused")),
                    e.number("messageDelayMs", 0)));
            held.values().removeIf(m -> m.from() == n.id());
            if (e.fields().get("held") instanceof Collection<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> h) {
                        HeldMessage m = new HeldMessage(n.id(), num(h.get("id")), num(h.get("to")),
                                String.valueOf(h.get("kind")), ClusterEvent.parseZxid(h.get("zxid")),
                                num(h.get("sentTs")), h.get("deliverTs") instanceof Number d ? d.longValue() : -1);
                        held.put(m.key(), m);
                        node(m.to());
                    }
                }
            }
        }

        private void setLeaderIfKnown(long id) {
            if (id >= 0) {
                setLeader(id);
            }
        }

        private void setLeader(long id) {
            leaderId = id;
            node(id);
            for (NodeState other : java.util.List.copyOf(nodes.values())) {
                if (other.id() != id && other.role() == Role.LEADER) {
                    put(other.withRole(Role.FOLLOWER));
                }
            }
        }
    }

    private static Vote vote(Object v) {
        if (v instanceof Map<?, ?> m) {
            return new Vote(num(m.get("leaderId")), ClusterEvent.parseZxid(m.get("zxid")), num(m.get("electionEpoch")),
                    num(m.get("peerEpoch")));
        }
        return null;
    }

    /** Peers blocked by a partition or dropped at 100%. */
    private static Set<Long> cutPeers(ClusterEvent e) {
        Set<Long> cut = new HashSet<>(e.ids("blocked"));
        if (e.fields().get("dropPercent") instanceof Map<?, ?> drops) {
            drops.forEach((peer, pct) -> {
                if (pct instanceof Number p && p.doubleValue() >= 100) {
                    try {
                        cut.add(Long.parseLong(String.valueOf(peer)));
                    } catch (NumberFormatException ignored) {
                        // not a server id: nothing to draw
                    }
                }
            });
        }
        return cut;
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
