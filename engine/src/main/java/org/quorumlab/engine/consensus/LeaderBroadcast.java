package org.quorumlab.engine.consensus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase 3 of ZAB at an established leader: assigns zxids, broadcasts PROPOSALs, counts ACKs
 * (pipelined, cumulative), COMMITs in zxid order (INFORM to observers), answers SYNC requests after
 * a leadership-confirming ping round, and guards reconfiguration proposals.
 */
final class LeaderBroadcast {
    private record PendingSync(long from, long token, long target, long requiredRound) {
    }

    private final NodeContext ctx;
    private final long epoch;
    private final Map<Long, LearnerLink> links;
    private final ProposalTracker tracker = new ProposalTracker();
    private final List<PendingSync> pendingSyncs = new ArrayList<>();
    private long counter;

    LeaderBroadcast(NodeContext ctx, long epoch, Map<Long, LearnerLink> links) {
        this.ctx = ctx;
        this.epoch = epoch;
        this.links = links;
    }

    ProposeResult propose(byte[] payload) {
        return append(payload, null);
    }

    /** Zxid the next accepted proposal will get (-1 if the counter is exhausted). */
    long nextZxid() {
        return counter >= Zxid.MAX_COUNTER ? -1 : Zxid.make(epoch, counter + 1);
    }

    ProposeResult proposeReconfig(QuorumConfig requested) {
        return proposeReconfig(requested, requested.toString().getBytes(StandardCharsets.UTF_8));
    }

    ProposeResult proposeReconfig(QuorumConfig requested, byte[] payload) {
        if (tracker.pendingReconfig() != null) {
            return new ProposeResult.Refused(ProposeResult.RefusalReason.RECONFIG_IN_PROGRESS);
        }
        if (requested.sameMembers(ctx.config())) {
            return new ProposeResult.Refused(ProposeResult.RefusalReason.BAD_CONFIG);
        }
        if (!requested.isQuorum(connectedVoters(Long.MIN_VALUE))) {
            return new ProposeResult.Refused(ProposeResult.RefusalReason.NEW_CONFIG_NO_QUORUM);
        }
        return append(payload, requested);
    }

    private ProposeResult append(byte[] payload, QuorumConfig newConfig) {
        if (counter >= Zxid.MAX_COUNTER) {
            ctx.transitions().lookForLeader("zxid counter exhausted");
            return new ProposeResult.Refused(ProposeResult.RefusalReason.COUNTER_EXHAUSTED);
        }
        long zxid = Zxid.make(epoch, ++counter);
        LogEntry entry = new LogEntry(zxid, payload, newConfig == null ? null : newConfig.withVersion(zxid));
        ctx.appendAndPersist(List.of(entry));
        tracker.add(entry, tracker.pendingReconfig());
        for (LearnerLink l : links.values()) {
            if (l.forwarding() && !l.observer) {
                ctx.send(l.sid, l.wrap(ctx.myId, new Packet.Proposal(entry)));
            }
        }
        ctx.emit(new Event.ProposalSent(zxid));
        return new ProposeResult.Accepted(zxid);
    }

    /** Voters (of any configuration) that are synced and heard from within syncLimit, plus us. */
    Set<Long> connectedVoters(long pongRoundAtLeast) {
        Set<Long> out = new HashSet<>();
        out.add(ctx.myId);
        for (LearnerLink l : links.values()) {
            if (!l.observer && l.synced() && ctx.now() - l.lastHeard <= ctx.timing.syncLimit()
                    && l.pongRound >= pongRoundAtLeast) {
                out.add(l.sid);
            }
        }
        return out;
    }

    void onAck(long sid, long zxid) {
        ctx.emit(new Event.AckReceived(sid, zxid));
        tracker.ack(sid, zxid);
        tryCommit();
    }

    void onOwnPersisted() {
        tracker.ack(ctx.myId, ctx.log.persistedZxid());
        tryCommit();
        if (ctx.state == ServerState.LEADING) {
            ctx.applyCommitted();
        }
    }

    void tryCommit() {
        tracker.ack(ctx.myId, ctx.log.persistedZxid());
        while (ctx.state == ServerState.LEADING) {
            List<LogEntry> ready = tracker.takeCommittable(ctx.config());
            if (ready.isEmpty()) {
                break;
            }
            for (LogEntry e : ready) {
                ctx.log.markCommitted(e.zxid());
                ctx.emit(new Event.Committed(e.zxid()));
                for (LearnerLink l : links.values()) {
                    if (l.forwarding() && l.observer) {
                        ctx.send(l.sid, l.wrap(ctx.myId, new Packet.Inform(e)));
                    }
                }
            }
            // A follower's COMMIT is cumulative (it commits its log up to the zxid), so one COMMIT
            // per follower covers every entry that became committable in this round.
            long upTo = ready.get(ready.size() - 1).zxid();
            for (LearnerLink l : links.values()) {
                if (l.forwarding() && !l.observer) {
                    ctx.send(l.sid, l.wrap(ctx.myId, new Packet.Commit(upTo)));
                }
            }
            if (ctx.applyCommitted()) {
                onReconfigActivated();
            }
        }
        completePendingSyncs();
    }

    /** A committed reconfig is active: a removed leader hands off; learners whose role changed reconnect. */
    void onReconfigActivated() {
        QuorumConfig cfg = ctx.config();
        if (!cfg.isVoter(ctx.myId)) {
            ctx.transitions().lookForLeader("leader removed by reconfig " + Zxid.toHex(cfg.version()));
            return;
        }
        links.values().removeIf(l -> l.observer != cfg.isObserver(l.sid) && cfg.contains(l.sid));
    }

    void onSyncRequest(long from, long token, long pingRound) {
        pendingSyncs.add(new PendingSync(from, token, ctx.log.lastZxid(), pingRound + 1));
        completePendingSyncs();
    }

    void completePendingSyncs() {
        Iterator<PendingSync> it = pendingSyncs.iterator();
        while (it.hasNext() && ctx.state == ServerState.LEADING) {
            PendingSync s = it.next();
            boolean confirmed = ctx.config().isQuorum(connectedVoters(s.requiredRound()));
            if (!confirmed || ctx.log.committedZxid() < s.target()) {
                continue;
            }
            it.remove();
            if (s.from() == ctx.myId) {
                ctx.awaitApplied(s.token(), s.target());
            } else {
                LearnerLink l = links.get(s.from());
                if (l != null) {
                    ctx.send(l.sid, l.wrap(ctx.myId, new Packet.SyncReply(s.token(), s.target())));
                }
            }
        }
    }

    /** The uncommitted reconfig, if any. */
    QuorumConfig pendingReconfig() {
        return tracker.pendingReconfig();
    }
}
