package org.quorumlab.engine.consensus;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leader side of ZAB phases 1 and 2 (discovery and synchronisation) plus connection handling
 * and heartbeats; once a quorum acknowledged NEWLEADER the epoch is established and
 * {@link LeaderBroadcast} takes proposals.
 */
final class LeaderRole {
    /** Where the leader is in establishing its epoch. */
    enum Phase { DISCOVERY, SYNC, BROADCAST }

    private final NodeContext ctx;
    private final Map<Long, LearnerLink> links = new TreeMap<>();
    private final long summaryEpoch;
    private final long summaryZxid;
    private Phase phase = Phase.DISCOVERY;
    private long epoch = -1;
    private long deadline;
    private long pingRound;
    private boolean epochAckQuorum;
    private long newLeaderZxid;
    private QuorumConfig establishmentExtra;
    private LeaderBroadcast broadcast;

    LeaderRole(NodeContext ctx) {
        this.ctx = ctx;
        this.summaryEpoch = ctx.currentEpoch();
        this.summaryZxid = ctx.log.lastZxid();
    }

    Phase phase() {
        return phase;
    }

    long epoch() {
        return epoch;
    }

    LeaderBroadcast broadcast() {
        return broadcast;
    }

    java.util.List<LearnerStatus> learners() {
        return links.values().stream().map(l -> new LearnerStatus(l.sid, l.observer, l.synced())).toList();
    }

    void start() {
        deadline = ctx.now() + ctx.timing.initLimit();
        maybeChooseEpoch();
    }

    private void maybeChooseEpoch() {
        Set<Long> connecting = new HashSet<>();
        connecting.add(ctx.myId);
        long maxAccepted = ctx.acceptedEpoch();
        for (LearnerLink l : links.values()) {
            if (!l.observer) {
                connecting.add(l.sid);
            }
            maxAccepted = Math.max(maxAccepted, l.acceptedEpoch);
        }
        if (!ctx.config().isQuorum(connecting)) {
            return;
        }
        epoch = maxAccepted + 1;
        ctx.setEpochs(epoch, ctx.currentEpoch());
        ctx.emit(new Event.NewEpoch(epoch));
        phase = Phase.SYNC;
        deadline = ctx.now() + ctx.timing.initLimit();
        for (LearnerLink l : links.values()) {
            sendLeaderInfo(l);
        }
        checkEpochAckQuorum();
    }

    private void sendLeaderInfo(LearnerLink l) {
        ctx.send(l.sid, l.wrap(ctx.myId, new Packet.LeaderInfo(epoch)));
        l.phase = LearnerLink.Phase.LEADERINFO_SENT;
    }

    void onPacket(Message.Peer m) {
        Packet p = m.packet();
        LearnerLink link = links.get(m.from());
        if (p instanceof Packet.LearnerInfo info && m.seq() == 0) {
            if (link == null || link.session != m.session()) {
                LearnerLink fresh = new LearnerLink(m.from(), m.session(), info.observer(), info.acceptedEpoch(),
                        info.lastZxid(), ctx.now());
                links.put(m.from(), fresh);
                if (phase == Phase.DISCOVERY) {
                    maybeChooseEpoch();
                } else {
                    sendLeaderInfo(fresh);
                }
            }
            return;
        }
        if (link == null || link.session != m.session()) {
            tellToReconnect(m);
            return;
        }
        switch (link.receive(m.seq())) {
            case DUPLICATE -> {
                return;
            }
            case GAP -> {
                links.remove(m.from());
                tellToReconnect(m);
                return;
            }
            default -> link.lastHeard = ctx.now();
        }
        dispatch(link, p);
    }

    /**
     * A learner still talks on a connection this leader has given up on (it was silent for
     * syncLimit, typically because its process was not scheduled). A message with sequence number 0
     * on that connection tells it the connection is gone, so it rejoins now, as a ZooKeeper follower
     * does when its leader closes the socket, instead of forwarding keep-alives into the void until
     * its own silence timer fires a syncLimit later. Its newer connections ignore the message.
     */
    private void tellToReconnect(Message.Peer m) {
        if (m.seq() > 0) {
            ctx.send(m.from(), new Message.Peer(ctx.myId, m.session(), 0, new Packet.Ping(pingRound)));
        }
    }

    private void dispatch(LearnerLink link, Packet p) {
        if (p instanceof Packet.AckEpoch ae) {
            onAckEpoch(link, ae);
        } else if (p instanceof Packet.Ack ack) {
            onAck(link, ack.zxid());
        } else if (p instanceof Packet.Pong pong) {
            link.pongRound = Math.max(link.pongRound, pong.round());
            if (broadcast != null) {
                broadcast.completePendingSyncs();
            }
        } else if (p instanceof Packet.Request r) {
            ctx.emit(new Action.HandleForwardedRequest(link.sid, r.request()));
        } else if (p instanceof Packet.SyncRequest s && broadcast != null) {
            broadcast.onSyncRequest(link.sid, s.token(), pingRound);
        }
    }

    private void onAckEpoch(LearnerLink link, Packet.AckEpoch ae) {
        if (link.phase != LearnerLink.Phase.LEADERINFO_SENT) {
            return;
        }
        if (ae.newEpoch() != epoch) {
            links.remove(link.sid); // an answer to another leader incarnation on a reused connection id
            return;
        }
        link.lastZxid = ae.lastZxid();
        link.phase = LearnerLink.Phase.EPOCH_ACKED;
        if (ae.currentEpoch() != -1) {
            boolean moreRecent = ae.currentEpoch() > summaryEpoch
                    || (ae.currentEpoch() == summaryEpoch && ae.lastZxid() > summaryZxid);
            if (moreRecent && !epochAckQuorum) {
                ctx.transitions().lookForLeader("learner " + link.sid + " is more recent than leader");
                return;
            }
            link.countsForEpochAck = !link.observer;
        }
        if (epochAckQuorum) {
            startSync(link);
        } else {
            checkEpochAckQuorum();
        }
    }

    private void checkEpochAckQuorum() {
        if (phase != Phase.SYNC || epochAckQuorum) {
            return;
        }
        Set<Long> acks = new HashSet<>();
        acks.add(ctx.myId);
        for (LearnerLink l : links.values()) {
            if (l.countsForEpochAck) {
                acks.add(l.sid);
            }
        }
        if (!ctx.config().isQuorum(acks)) {
            return;
        }
        epochAckQuorum = true;
        ctx.setEpochs(epoch, epoch);
        newLeaderZxid = ctx.log.lastZxid();
        // Every reconfig not yet activated here (activation happens at apply) must also be backed
        // by a quorum of its new configuration, like ZooKeeper's lastSeenQuorumVerifier.
        for (LogEntry e : ctx.log.range(ctx.log.appliedZxid(), newLeaderZxid)) {
            if (e.isReconfig()) {
                establishmentExtra = e.newConfig();
            }
        }
        deadline = ctx.now() + ctx.timing.initLimit();
        for (LearnerLink l : links.values()) {
            if (l.phase == LearnerLink.Phase.EPOCH_ACKED) {
                startSync(l);
            }
        }
        checkNewLeaderQuorum();
    }

    private void startSync(LearnerLink l) {
        long upTo = phase == Phase.BROADCAST && l.observer ? ctx.log.committedZxid() : ctx.log.lastZxid();
        Packet.SyncStart plan = SyncPlanner.plan(ctx.log, l.lastZxid, upTo, ctx.snapshots, ctx.config());
        long from = plan.entries().isEmpty() ? upTo : plan.entries().get(0).zxid();
        ctx.emit(new Event.SyncModeChosen(l.sid, plan.mode(), l.lastZxid, from));
        ctx.send(l.sid, l.wrap(ctx.myId, plan));
        ctx.send(l.sid, l.wrap(ctx.myId, new Packet.NewLeader(epoch, upTo)));
        l.newLeaderZxid = upTo;
        l.phase = LearnerLink.Phase.SYNC_SENT;
    }

    private void onAck(LearnerLink l, long zxid) {
        if (l.phase == LearnerLink.Phase.SYNC_SENT) {
            if (zxid < l.newLeaderZxid) {
                return;
            }
            l.phase = LearnerLink.Phase.NEWLEADER_ACKED;
            if (phase == Phase.BROADCAST) {
                sendUpToDate(l);
                if (!l.observer) {
                    broadcast.onAck(l.sid, zxid);
                }
            } else {
                checkNewLeaderQuorum();
            }
        } else if (l.synced() && !l.observer && broadcast != null) {
            broadcast.onAck(l.sid, zxid);
        }
    }

    private void checkNewLeaderQuorum() {
        if (phase != Phase.SYNC || !epochAckQuorum) {
            return;
        }
        Set<Long> acks = new HashSet<>();
        if (ctx.log.persistedZxid() >= newLeaderZxid) {
            acks.add(ctx.myId);
        }
        for (LearnerLink l : links.values()) {
            if (l.synced()) {
                acks.add(l.sid); // isQuorum counts voters only; an observer may vote in the pending config
            }
        }
        if (!ctx.config().isQuorum(acks) || (establishmentExtra != null && !establishmentExtra.isQuorum(acks))) {
            return;
        }
        phase = Phase.BROADCAST;
        broadcast = new LeaderBroadcast(ctx, epoch, links);
        ctx.log.markCommitted(newLeaderZxid);
        ctx.emit(new Event.LeaderEstablished(epoch, newLeaderZxid));
        ctx.emit(new Action.RoleChanged(ServerState.LEADING, epoch, ctx.myId));
        for (LearnerLink l : links.values()) {
            if (l.phase == LearnerLink.Phase.NEWLEADER_ACKED) {
                sendUpToDate(l);
            }
        }
        if (ctx.applyCommitted()) {
            broadcast.onReconfigActivated();
        }
    }

    private void sendUpToDate(LearnerLink l) {
        ctx.send(l.sid, l.wrap(ctx.myId, new Packet.UpToDate(ctx.log.committedZxid())));
        l.phase = LearnerLink.Phase.UPTODATE;
    }

    void onPersisted() {
        if (broadcast != null) {
            broadcast.onOwnPersisted();
        } else {
            checkNewLeaderQuorum();
        }
    }

    void tick() {
        pingRound++;
        links.values().removeIf(l -> ctx.now() - l.lastHeard
                > (l.synced() ? ctx.timing.syncLimit() : ctx.timing.initLimit()));
        for (LearnerLink l : links.values()) {
            if (l.phase != LearnerLink.Phase.INFO_RECEIVED) {
                ctx.send(l.sid, l.wrap(ctx.myId, new Packet.Ping(pingRound)));
            }
        }
        if (phase != Phase.BROADCAST) {
            if (ctx.now() > deadline) {
                ctx.transitions().lookForLeader("no quorum within initLimit in " + phase);
            }
            return;
        }
        Set<Long> alive = broadcast.connectedVoters(Long.MIN_VALUE);
        QuorumConfig pending = broadcast.pendingReconfig();
        if (!ctx.config().isQuorum(alive) || (pending != null && !pending.isQuorum(alive))) {
            ctx.emit(new Event.StepDown(epoch, "leader lost quorum"));
            ctx.transitions().lookForLeader("leader lost quorum");
            return;
        }
        broadcast.completePendingSyncs();
    }

    void onLocalSync(long token) {
        if (broadcast != null) {
            broadcast.onSyncRequest(ctx.myId, token, pingRound);
        }
    }
}
