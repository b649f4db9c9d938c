package org.quorumlab.engine.consensus;

import java.util.List;

/**
 * The follower/observer side of ZAB (ZooKeeper's Learner, Follower and Observer): registers with
 * the elected leader (FOLLOWERINFO/OBSERVERINFO, LEADERINFO, ACKEPOCH), applies the sync
 * (TRUNC/SNAP/DIFF), acknowledges NEWLEADER once durable, then logs and acknowledges proposals and
 * applies commits. A learner that hears nothing from its leader for initLimit (before UPTODATE) or
 * syncLimit ticks (after) goes back to LOOKING.
 */
final class LearnerRole {
    /** Handshake phase. */
    enum Phase { CONNECTING, EPOCH_ACKED, SYNCING, NEWLEADER_RECEIVED, BROADCAST }

    private final NodeContext ctx;
    private final long leaderId;
    private final boolean observer;
    private final long session;
    private long sendSeq;
    private long recvSeq;
    private Phase phase = Phase.CONNECTING;
    private long lastHeard;
    private long epoch = -1;
    private long newLeaderZxid = -1;
    private long ackedZxid = -1;
    private boolean rejected;
    /** Tick at which the chosen leader first said it is not leading, or -1. */
    private long refusedSince = -1;

    LearnerRole(NodeContext ctx, long leaderId, boolean observer) {
        this.ctx = ctx;
        this.leaderId = leaderId;
        this.observer = observer;
        this.session = ctx.newConnectionId();
        this.lastHeard = ctx.now();
    }

    long leaderId() {
        return leaderId;
    }

    boolean isObserver() {
        return observer;
    }

    Phase phase() {
        return phase;
    }

    void start() {
        sendInfo();
    }

    private void sendInfo() {
        ctx.send(leaderId, new Message.Peer(ctx.myId, session, 0,
                new Packet.LearnerInfo(ctx.acceptedEpoch(), ctx.log.lastZxid(), observer)));
        sendSeq = 1;
    }

    private void send(Packet p) {
        ctx.send(leaderId, new Message.Peer(ctx.myId, session, sendSeq++, p));
    }

    void tick() {
        if (phase == Phase.CONNECTING && recvSeq == 0 && refusedSince >= 0
                && ctx.now() - refusedSince > ctx.timing.syncLimit()) {
            // It kept saying so for syncLimit ticks: long enough to conclude an election it was still
            // running, so look again instead of waiting initLimit for a leader that will not come.
            ctx.emit(new Event.StepDown(epoch, "server " + leaderId + " is not leading"));
            ctx.transitions().lookForLeader("server " + leaderId + " is not leading");
            return;
        }
        long limit = phase == Phase.BROADCAST ? ctx.timing.syncLimit() : ctx.timing.initLimit();
        if (ctx.now() - lastHeard > limit) {
            ctx.emit(new Event.StepDown(epoch, "no traffic from leader " + leaderId));
            ctx.transitions().lookForLeader("lost leader " + leaderId);
            return;
        }
        if (phase == Phase.CONNECTING && !rejected) {
            sendInfo(); // the leader may not have been listening yet; duplicates are ignored
        }
    }

    void onPacket(Message.Peer m) {
        if (m.from() != leaderId || m.session() != session) {
            return;
        }
        if (phase == Phase.CONNECTING && recvSeq == 0 && m.seq() == 0 && m.packet() instanceof Packet.Ping) {
            // the answer of a server that is not leading (see ZabNode.step); a leader starts with LEADERINFO
            if (refusedSince < 0) {
                refusedSince = ctx.now();
            }
            return;
        }
        if (m.seq() == 0 && recvSeq > 0) {
            // The leader's side of our connection is gone: a new leader incarnation (restart or
            // re-election) reuses our connection id, or the leader gave up on us and says so.
            ctx.transitions().lookForLeader("leader " + leaderId + " dropped the connection (gave up on it or restarted)");
            return;
        }
        if (m.seq() < recvSeq) {
            return;
        }
        if (m.seq() > recvSeq) {
            ctx.transitions().lookForLeader("connection to leader " + leaderId + " broken (gap)");
            return;
        }
        recvSeq++;
        lastHeard = ctx.now();
        Packet p = m.packet();
        if (p instanceof Packet.LeaderInfo li) {
            onLeaderInfo(li);
        } else if (p instanceof Packet.SyncStart s) {
            onSync(s);
        } else if (p instanceof Packet.NewLeader nl) {
            onNewLeader(nl);
        } else if (p instanceof Packet.UpToDate u) {
            onUpToDate(u);
        } else if (p instanceof Packet.Proposal pr) {
            onProposal(pr.entry());
        } else if (p instanceof Packet.Commit c) {
            commit(c.zxid());
        } else if (p instanceof Packet.Inform inf) {
            onInform(inf.entry());
        } else if (p instanceof Packet.Ping ping) {
            send(new Packet.Pong(ping.round()));
        } else if (p instanceof Packet.SyncReply sr) {
            ctx.awaitApplied(sr.token(), sr.zxid());
        }
    }

    private void onLeaderInfo(Packet.LeaderInfo li) {
        if (phase != Phase.CONNECTING || rejected) {
            return;
        }
        long newEpoch = li.newEpoch();
        long reportedEpoch;
        if (newEpoch > ctx.acceptedEpoch()) {
            reportedEpoch = ctx.currentEpoch();
            ctx.setEpochs(newEpoch, ctx.currentEpoch());
        } else if (newEpoch == ctx.acceptedEpoch()) {
            reportedEpoch = -1; // already acked this epoch once: ZAB forbids a second promise
        } else {
            // ZooKeeper fails the connection; we stay silent until initLimit expires so that the
            // immediate re-election (which would pick the same leader) is paced by the clock.
            rejected = true;
            ctx.emit(new Event.StepDown(newEpoch, "leader epoch " + newEpoch + " < accepted " + ctx.acceptedEpoch()));
            return;
        }
        epoch = newEpoch;
        ctx.emit(new Event.NewEpoch(newEpoch));
        send(new Packet.AckEpoch(newEpoch, reportedEpoch, ctx.log.lastZxid()));
        phase = Phase.EPOCH_ACKED;
    }

    private void onSync(Packet.SyncStart s) {
        if (phase != Phase.EPOCH_ACKED) {
            return;
        }
        switch (s.mode()) {
            case TRUNC -> {
                ctx.log.truncateAfter(s.truncateAfter());
                ctx.emit(new Action.Truncate(s.truncateAfter()));
            }
            case SNAP -> {
                ctx.log.resetToSnapshot(s.snapshotZxid());
                ctx.emit(new Action.InstallSnapshot(s.snapshotZxid(), s.snapshot()));
            }
            case DIFF -> { }
            default -> throw new IllegalStateException();
        }
        if (ctx.adoptConfig(s.config())) {
            ctx.emit(new Event.ReconfigCommitted(s.config()));
        }
        appendNew(s.entries());
        phase = Phase.SYNCING;
    }

    private void appendNew(List<LogEntry> entries) {
        long last = ctx.log.lastZxid();
        int from = 0;
        while (from < entries.size() && entries.get(from).zxid() <= last) {
            from++;
        }
        ctx.appendAndPersist(entries.subList(from, entries.size()));
    }

    private void onNewLeader(Packet.NewLeader nl) {
        if (phase != Phase.SYNCING) {
            return;
        }
        ctx.setEpochs(ctx.acceptedEpoch(), nl.epoch());
        newLeaderZxid = nl.zxid();
        phase = Phase.NEWLEADER_RECEIVED;
        sendAcks();
    }

    private void onUpToDate(Packet.UpToDate u) {
        if (phase != Phase.NEWLEADER_RECEIVED) {
            return;
        }
        phase = Phase.BROADCAST;
        ctx.emit(new Action.RoleChanged(observer ? ServerState.OBSERVING : ServerState.FOLLOWING, epoch, leaderId));
        commit(u.committedZxid());
    }

    private void onProposal(LogEntry e) {
        if (observer || phase.ordinal() < Phase.NEWLEADER_RECEIVED.ordinal() || e.zxid() <= ctx.log.lastZxid()) {
            return;
        }
        ctx.appendAndPersist(List.of(e));
    }

    private void onInform(LogEntry e) {
        if (e.zxid() > ctx.log.lastZxid()) {
            ctx.appendAndPersist(List.of(e));
        }
        commit(e.zxid());
    }

    private void commit(long zxid) {
        long before = ctx.log.committedZxid();
        ctx.log.markCommitted(zxid);
        if (ctx.log.committedZxid() > before) {
            ctx.emit(new Event.Committed(ctx.log.committedZxid()));
        }
        applyAndCheckConfig();
    }

    private void applyAndCheckConfig() {
        if (!ctx.applyCommitted()) {
            return;
        }
        sendAcks();
        QuorumConfig cfg = ctx.config();
        boolean leaderGone = !cfg.isVoter(leaderId);
        boolean roleChanged = observer != cfg.isObserver(ctx.myId);
        if (leaderGone || roleChanged) {
            ctx.transitions().lookForLeader(leaderGone ? "leader removed by reconfig" : "own role changed by reconfig");
        }
    }

    /** The host made entries durable. */
    void onPersisted() {
        sendAcks();
        applyAndCheckConfig();
    }

    private void sendAcks() {
        if (phase.ordinal() < Phase.NEWLEADER_RECEIVED.ordinal()) {
            return;
        }
        long durable = ctx.log.persistedZxid();
        if (ackedZxid < newLeaderZxid) {
            if (durable >= newLeaderZxid) {
                long ack = observer ? newLeaderZxid : durable;
                send(new Packet.Ack(ack));
                ackedZxid = ack;
            }
            return;
        }
        if (!observer && durable > ackedZxid) {
            send(new Packet.Ack(durable));
            ackedZxid = durable;
        }
    }

    boolean forward(byte[] request) {
        if (phase != Phase.BROADCAST) {
            return false;
        }
        send(new Packet.Request(request));
        return true;
    }

    boolean sync(long token) {
        if (phase != Phase.BROADCAST) {
            return false;
        }
        send(new Packet.SyncRequest(token));
        return true;
    }
}
