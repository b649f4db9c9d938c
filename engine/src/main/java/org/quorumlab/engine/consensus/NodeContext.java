package org.quorumlab.engine.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * State shared by the election, leader and learner roles of one {@link ZabNode}: identity,
 * configuration, epochs, the log, the tick clock and the outgoing action buffer.
 */
final class NodeContext {
    final long myId;
    final Timing timing;
    final StateSnapshotSource snapshots;
    final ReplicatedLog log;
    private final long bootCount;
    private final List<Action> out = new ArrayList<>();
    private final List<long[]> awaitingApply = new ArrayList<>();
    private final RoleTransitions transitions;
    private QuorumConfig config;
    private long acceptedEpoch;
    private long currentEpoch;
    private long now;
    private long connectionCounter;
    ServerState state = ServerState.LOOKING;

    NodeContext(long myId, QuorumConfig config, DurableState durable, Timing timing,
            StateSnapshotSource snapshots, LogHistory history, RoleTransitions transitions) {
        this.myId = myId;
        this.timing = timing;
        this.snapshots = snapshots;
        this.transitions = transitions;
        this.log = new ReplicatedLog(durable, history);
        this.acceptedEpoch = durable.acceptedEpoch();
        this.currentEpoch = durable.currentEpoch();
        this.bootCount = durable.bootCount();
        QuorumConfig effective = config;
        for (LogEntry e : durable.log()) {
            if (e.isReconfig() && e.zxid() <= log.committedZxid() && e.newConfig().version() > effective.version()) {
                effective = e.newConfig();
            }
        }
        this.config = effective;
    }

    RoleTransitions transitions() {
        return transitions;
    }

    QuorumConfig config() {
        return config;
    }

    long now() {
        return now;
    }

    void advanceClock() {
        now++;
    }

    long acceptedEpoch() {
        return acceptedEpoch;
    }

    long currentEpoch() {
        return currentEpoch;
    }

    boolean isVoter() {
        return config.isVoter(myId);
    }

    boolean isObserver() {
        return config.isObserver(myId);
    }

    /** A fresh connection id, distinct across restarts thanks to the durable boot count. */
    long newConnectionId() {
        connectionCounter++;
        return (bootCount << 32) | (connectionCounter & 0xffffffffL);
    }

    void emit(Action a) {
        out.add(a);
    }

    void send(long to, Message m) {
        out.add(new Action.Send(to, m));
    }

    Actions drain() {
        Actions a = Actions.of(out);
        out.clear();
        return a;
    }

    void setEpochs(long accepted, long current) {
        if (accepted != acceptedEpoch || current != currentEpoch) {
            acceptedEpoch = accepted;
            currentEpoch = current;
            out.add(new Action.PersistEpoch(accepted, current));
            log.markPersisted(log.lastZxid()); // barrier: earlier PersistEntries are durable now
        }
    }

    /** Adopts a newer configuration (from a committed reconfig, a sync or a notification). */
    boolean adoptConfig(QuorumConfig newer) {
        if (newer == null || newer.version() <= config.version()) {
            return false;
        }
        config = newer;
        out.add(new Action.ActivateConfig(newer));
        log.markPersisted(log.lastZxid()); // barrier: earlier PersistEntries are durable now
        return true;
    }

    /**
     * Applies every committed, durable entry in zxid order. Returns true iff a reconfiguration was
     * activated (callers then re-check their role).
     */
    boolean applyCommitted() {
        boolean reconfigured = false;
        for (LogEntry e : log.takeApplicable()) {
            out.add(new Action.Apply(e));
            if (e.isReconfig() && adoptConfig(e.newConfig())) {
                out.add(new Event.ReconfigCommitted(e.newConfig()));
                reconfigured = true;
            }
        }
        completeAwaitedSyncs();
        return reconfigured;
    }

    /** Emits {@link Action.SyncCompleted} for {@code token} once {@code zxid} has been applied here. */
    void awaitApplied(long token, long zxid) {
        awaitingApply.add(new long[] {token, zxid});
        completeAwaitedSyncs();
    }

    private void completeAwaitedSyncs() {
        var it = awaitingApply.iterator();
        while (it.hasNext()) {
            long[] s = it.next();
            if (log.appliedZxid() >= s[1]) {
                it.remove();
                out.add(new Action.SyncCompleted(s[0]));
            }
        }
    }

    /** Appends entries to the in-memory log and asks the host to persist them. */
    void appendAndPersist(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (LogEntry e : entries) {
            log.append(e);
        }
        out.add(new Action.PersistEntries(entries));
    }

    /** Callbacks from roles into the node: role changes are decided by whoever detects them. */
    interface RoleTransitions {
        /** Go back to LOOKING and start a new election round. */
        void lookForLeader(String reason);

        /** Election concluded with {@code leaderId}; start leading, following or observing. */
        void electionConcluded(long leaderId);
    }
}
