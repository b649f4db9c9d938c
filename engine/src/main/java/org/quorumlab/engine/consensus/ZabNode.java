package org.quorumlab.engine.consensus;

import java.util.Objects;

/**
 * The ZAB state machine of one server. Inputs: {@link #step(Message)}, {@link #tick()},
 * {@link #persisted(long)}, {@link #propose(byte[])}, {@link #proposeReconfig(QuorumConfig)},
 * {@link #forward(byte[])}, {@link #sync(long)}, {@link #compactLog(long)}. After each input the
 * host calls {@link #drain()} and executes the returned {@link Actions} in order. A crash is
 * modelled by dropping the instance and constructing a new one from the {@link DurableState}.
 *
 * <p>Not thread-safe: one owner thread (or one simulator) drives each instance.
 */
public final class ZabNode {
    private final NodeContext ctx;
    private final LeaderElection election;
    private LeaderRole leader;
    private LearnerRole learner;

    /**
     * @param myId      this server's id
     * @param config    last activated configuration known to the host (newer committed reconfigs in
     *                  the durable log override it)
     * @param durable   state read from disk
     * @param timing    protocol limits in ticks
     * @param snapshots application state, read when this server, as leader, decides SNAP
     */
    public ZabNode(long myId, QuorumConfig config, DurableState durable, Timing timing, StateSnapshotSource snapshots) {
        this(myId, config, durable, timing, snapshots, LogHistory.IN_MEMORY);
    }

    /**
     * @param history the host's durable log, read back for a DIFF from before the applied entries
     *                this node keeps in memory
     */
    public ZabNode(long myId, QuorumConfig config, DurableState durable, Timing timing, StateSnapshotSource snapshots,
            LogHistory history) {
        this.ctx = new NodeContext(myId, Objects.requireNonNull(config), Objects.requireNonNull(durable),
                Objects.requireNonNull(timing), Objects.requireNonNull(snapshots), Objects.requireNonNull(history),
                new Transitions());
        this.election = new LeaderElection(ctx);
        ctx.emit(new Event.StateChanged(ServerState.LOOKING, ServerState.LOOKING, "start"));
        election.start();
    }

    /** Returns and clears the actions produced since the last call. */
    public Actions drain() {
        return ctx.drain();
    }

    /** Delivers a message from a peer. */
    public void step(Message m) {
        if (m instanceof Message.Notification n) {
            election.onNotification(n);
        } else if (m instanceof Message.Peer p) {
            if (leader != null) {
                leader.onPacket(p);
                return;
            }
            if (p.packet() instanceof Packet.LearnerInfo && p.seq() == 0) {
                // A server that concluded its election for us while we did not lead (we followed a
                // better vote, or have not concluded yet). A leader's first message is LEADERINFO, never
                // a ping, so a ping first on that connection tells the learner we are not leading, as a
                // ZooKeeper follower learns from a refused connection.
                ctx.send(p.from(), new Message.Peer(ctx.myId, p.session(), 0, new Packet.Ping(0)));
            }
            if (learner != null) {
                learner.onPacket(p);
            }
        }
    }

    /** Advances this server's logical clock by one tick. */
    public void tick() {
        ctx.advanceClock();
        switch (ctx.state) {
            case LOOKING -> election.tick();
            case LEADING -> leader.tick();
            case FOLLOWING, OBSERVING -> learner.tick();
            default -> throw new IllegalStateException();
        }
    }

    /** The host made every entry handed over in {@link Action.PersistEntries} up to {@code zxid} durable. */
    public void persisted(long zxid) {
        ctx.log.markPersisted(zxid);
        if (leader != null) {
            leader.onPersisted();
        } else if (learner != null) {
            learner.onPersisted();
        }
    }

    /** The host compacted its log into a snapshot at {@code zxid} (at most the last applied zxid). */
    public void compactLog(long zxid) {
        ctx.log.compact(zxid);
    }

    /** Leader only: logs and broadcasts a prepared transaction. */
    public ProposeResult propose(byte[] txnPayload) {
        LeaderBroadcast b = establishedBroadcast();
        if (b == null) {
            return refusal();
        }
        return b.propose(txnPayload);
    }

    /**
     * Leader only: proposes a new configuration (its version becomes the proposal's zxid). It
     * activates when committed by a quorum of the old and of the new voters.
     */
    public ProposeResult proposeReconfig(QuorumConfig newConfig) {
        LeaderBroadcast b = establishedBroadcast();
        if (b == null) {
            return refusal();
        }
        return b.proposeReconfig(newConfig);
    }

    /**
     * Like {@link #proposeReconfig(QuorumConfig)} with an opaque host payload (e.g. the serialized
     * reconfig txn) carried by the log entry and handed back in {@link Action.Apply}.
     */
    public ProposeResult proposeReconfig(QuorumConfig newConfig, byte[] payload) {
        LeaderBroadcast b = establishedBroadcast();
        if (b == null) {
            return refusal();
        }
        return b.proposeReconfig(newConfig, payload.clone());
    }

    /**
     * The zxid the next accepted proposal of this established leader will get, so that a request
     * preparer can stamp the txn before proposing it; -1 if this server cannot propose.
     */
    public long nextZxid() {
        LeaderBroadcast b = establishedBroadcast();
        return b == null ? -1 : b.nextZxid();
    }

    private LeaderBroadcast establishedBroadcast() {
        return leader != null && leader.phase() == LeaderRole.Phase.BROADCAST ? leader.broadcast() : null;
    }

    private ProposeResult refusal() {
        return new ProposeResult.Refused(leader == null ? ProposeResult.RefusalReason.NOT_LEADER
                : ProposeResult.RefusalReason.NOT_ESTABLISHED);
    }

    /**
     * Sends a client request to the leader, which emits {@link Action.HandleForwardedRequest}. Returns
     * false if this server has no up-to-date leader.
     */
    public boolean forward(byte[] request) {
        if (establishedBroadcast() != null) {
            ctx.emit(new Action.HandleForwardedRequest(ctx.myId, request.clone()));
            return true;
        }
        return learner != null && learner.forward(request.clone());
    }

    /**
     * Requests a sync: {@link Action.SyncCompleted} is emitted once this server has applied every
     * entry the leader had logged when it saw the request, and the leader confirmed its leadership
     * with a quorum ping round after that. Returns false if there is no up-to-date leader.
     */
    public boolean sync(long token) {
        if (establishedBroadcast() != null) {
            leader.onLocalSync(token);
            return true;
        }
        return learner != null && learner.sync(token);
    }

    /**
     * The transport saw the connection from {@code peer} fail (its process died or the link was
     * cut). A learner whose leader disconnects starts an election at once instead of waiting out
     * syncLimit, as a ZooKeeper follower does when its leader socket breaks.
     */
    public void peerDisconnected(long peer) {
        if (learner != null && learner.leaderId() == peer) {
            lookForLeader("connection to leader " + peer + " lost");
        }
    }

    /** Role changes requested by the election and the roles; kept off the public API. */
    private final class Transitions implements NodeContext.RoleTransitions {
        @Override
        public void lookForLeader(String reason) {
            ZabNode.this.lookForLeader(reason);
        }

        @Override
        public void electionConcluded(long leaderId) {
            ZabNode.this.electionConcluded(leaderId);
        }
    }

    private void lookForLeader(String reason) {
        ServerState old = ctx.state;
        leader = null;
        learner = null;
        ctx.state = ServerState.LOOKING;
        ctx.emit(new Event.StateChanged(old, ServerState.LOOKING, reason));
        ctx.emit(new Action.RoleChanged(ServerState.LOOKING, ctx.currentEpoch(), -1));
        election.start();
    }

    private void electionConcluded(long leaderId) {
        ServerState next = election.currentVote().state();
        ctx.state = next;
        ctx.emit(new Event.StateChanged(ServerState.LOOKING, next, "elected " + leaderId));
        if (next == ServerState.LEADING) {
            leader = new LeaderRole(ctx);
            leader.start();
        } else {
            learner = new LearnerRole(ctx, leaderId, next == ServerState.OBSERVING);
            learner.start();
        }
    }

    /** This server's id. */
    public long id() {
        return ctx.myId;
    }

    /** Current peer state. */
    public ServerState state() {
        return ctx.state;
    }

    /** True iff this server leads an epoch a quorum has acknowledged. */
    public boolean isEstablishedLeader() {
        return establishedBroadcast() != null;
    }

    /** True iff this server is a learner that received UPTODATE. */
    public boolean isSyncedLearner() {
        return learner != null && learner.phase() == LearnerRole.Phase.BROADCAST;
    }

    /** Leader this server follows or is (-1 while looking). */
    public long leaderId() {
        if (leader != null) {
            return ctx.myId;
        }
        return learner != null ? learner.leaderId() : -1;
    }

    /** Epoch this server leads (only meaningful when leading), else the current epoch. */
    public long epoch() {
        return leader != null && leader.epoch() >= 0 ? leader.epoch() : ctx.currentEpoch();
    }

    /** Last epoch acknowledged in discovery. */
    public long acceptedEpoch() {
        return ctx.acceptedEpoch();
    }

    /** Last epoch whose NEWLEADER was accepted. */
    public long currentEpoch() {
        return ctx.currentEpoch();
    }

    /** Last logged zxid (durable or not). */
    public long lastLoggedZxid() {
        return ctx.log.lastZxid();
    }

    /** Last committed zxid known here. */
    public long committedZxid() {
        return ctx.log.committedZxid();
    }

    /** Last applied zxid. */
    public long appliedZxid() {
        return ctx.log.appliedZxid();
    }

    /** True iff the history of this server contains {@code zxid} (compacted entries count). */
    public boolean historyContains(long zxid) {
        return ctx.log.covers(zxid);
    }

    /** The in-memory entry with {@code zxid}, or null if absent, compacted or only in the host's log. */
    public LogEntry entry(long zxid) {
        return ctx.log.get(zxid);
    }

    /** Active configuration. */
    public QuorumConfig config() {
        return ctx.config();
    }

    /** Current vote (as sent to LOOKING peers). */
    public Vote currentVote() {
        return election.currentVote();
    }

    /** Learners connected to this leader; empty unless leading. */
    public java.util.List<LearnerStatus> learners() {
        return leader == null ? java.util.List.of() : leader.learners();
    }

    /** Election round (FLE logical clock). */
    public long electionRound() {
        return election.logicalClock();
    }

    @Override
    public String toString() {
        return "ZabNode(" + ctx.myId + ", " + ctx.state + ", epoch=" + epoch() + ", last=" + Zxid.toHex(lastLoggedZxid())
                + ", committed=" + Zxid.toHex(committedZxid()) + ")";
    }
}
